/* The NER's static CRF features in C: computed for a new word form, summed into the scorer's table, gathered
 * into each token's emission scores.
 *
 * A new word form's features are FeatureExtractor.word_features (features.py) for a model without
 * the "ngrams" option. The Python code is the reference these lines mirror step for step (normalise,
 * strip_clitics and stem_candidates of normalise.py; shape, affixes, cluster ids, gazetteer tags, silver kind
 * and frequency band of features.py); features.py runs it when this optional module was not built, and the
 * tests hold the two to the same lists.
 *
 * word_features(token, clusters, gazetteer, ranks, silver) -> list of str
 *   clusters   dict: word -> its cluster ids, coarse to fine, tab-separated
 *   gazetteer  dict: word -> an iterable of tags (a frozenset)
 *   ranks      dict: word -> its frequency rank (an int)
 *   silver     dict: stem -> a kind (often empty)
 *
 * summed_rows(clusters, gazetteer, ranks, silver, tokens, slots, table, used, ids) -> int
 *   crf.Scorer._add_rows for new tokens (normal forms), its numpy path mirrored: each token's features (as
 *   word_features), each feature's packed (row << 3 | slot) pairs from `slots` (dict: feature -> tuple of int),
 *   and per slot, in feature order, the float32 sum of those rows of `table`, added left to right as crf.py's
 *   _sequential_sums does.
 *   table  float32 [R, L], C-contiguous, writable: rows < used are read; a slot of two rows or more gets a new row
 *          at used, used + 1 ... (token by token, slot by slot)
 *   ids    int64 [len(tokens), width], C-contiguous, writable: each token's row per slot (0: none; the attribute's
 *          own row when one fires; else its new row)
 *   Returns the new `used`. ValueError when the table has no room left or a pair names a slot or row out of range.
 *
 * The scorer's per-token work (crf.Scorer._static_scores, whose numpy path is the reference):
 * normal_serials(sentences, rows, serials) -> (forms, missing)
 *   sentences  sequences of str tokens; rows: dict normal form -> serial; serials: writable int64 [all tokens]
 *   Each token's normal form (normalise.normalise) and its serial, or -1 where `rows` lacks the form; returns the
 *   forms (one flat list) and the missing ones in reading order (repeats kept).
 * static_sums(forms, lengths, serials, ids, uses, table, window, edges, before, after, attributes, out)
 *   lengths int64 [S] (each > 0, summing to len(forms)); serials int64 [N]; ids int64 [T, 1 + len(window)];
 *   uses writable int64 [T] (uses[serial] += 1 per token); table float32 [R, L]; window int64 [W] (neighbour
 *   offsets); edges int64 [W] (the row of a neighbour slot past the sentence's edge); before/after: dict
 *   a -> dict b -> row of "bi-=a|b" / "bi+=a|b"; attributes: name -> row (bigrams of words holding "|");
 *   out writable float32 [N, L]: the token's own row, each neighbour slot's, the bi- and the bi+ row, added in
 *   that order (numpy's order there).
 *
 * extra_emissions(extras, attributes, state, start, stop, static, out)
 *   crf.Scorer._extra_scores added to a pass's static scores: extras, per sentence, a tuple (or list) of attribute
 *   names per token; attributes: name -> row of `state` (float32 [A, L], the weights); start/stop: the pass's
 *   columns; static float32 [N, L]; out writable float32 [N, stop - start]. out = static[:, start:stop] + the
 *   token's attribute rows added left to right to +0.0 (an unknown name adds row 0, the zeros), as numpy's sum
 *   over the rows does (its zero rows of padding then change nothing).
 *
 * The second pass's attributes (features.second_pass_attributes, the reference):
 * second_pass_attributes(sentences, labels, window) -> list of lists of tuples of str
 *   each token's first-pass label attributes ("s1=", "s1-1=", "s1+1=") and what the first pass said about the
 *   other occurrences of its stem within `window` sentences ("dn=0", "dmaj=", "dt=").
 *
 * The rules' stems (rules.token_stems, the reference):
 * rule_stems(text, sentences, word_kinds, table, expansions) -> list of lists of str
 *   sentences   sequences of Tokens (tuples: start, end, kind, stem_start, ...)
 *   word_kinds  a set: the kinds whose tokens get a stem (others get "")
 *   table, expansions: normalise.py's CODE_MAP and EXPANSIONS (as _normalise.c reads them)
 *   Each word token's stem, text[stem_start:end] in the search view (normalise_query), with "ا" before it where
 *   the proclitic "ل" met a stem starting with "ل" ("للعراق" -> "العراق": mentions.name_start).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define MIN_STEM 2    /* clitics.MIN_DEFINITE_STEM; a one-letter clitic leaves MIN_STEM + 1 (clitics.MIN_STEM) */
#define LONG_WORD 8   /* features.LONG_WORD */
#define MAX_FORMS 4   /* the most stem candidates a word has */
#define SLOT_BITS 3   /* crf.SLOT_BITS: a pair is row << SLOT_BITS | slot */
#define MAX_SLOTS (1 << SLOT_BITS)
#define MIN_CONTEXT_STEM 2 /* features.MIN_CONTEXT_STEM */
#define MAX_EXPANSION 18  /* the most letters a presentation form becomes (U+FDFA) */

enum { ALEF = 0x0627, BEH = 0x0628, FEH = 0x0641, KAF = 0x0643, LAM = 0x0644, WAW = 0x0648 };

#define DELETED_CHAR 0xFFFFFFFFu /* normalise._DELETED: the table's mark for a deleted character */
#define EXPANDS_CHAR 0xFFFFFFFEu /* normalise._EXPANDS: a presentation form, whose letters are in the expansions */
#define NORMAL_TABLE 0x10000

/* The NER's normal form (normalise.normalise_cased): khabar.stages.normalise.CASED's code map and expansions,
 * read once when this module is imported, so the table lives in one place (normalise.py). */
static Py_buffer normal_table;
static PyObject *normal_expansions;

static int load_normal_form(void) {
    PyObject *module = PyImport_ImportModule("khabar.stages.normalise");
    PyObject *form = module ? PyObject_GetAttrString(module, "CASED") : NULL;
    PyObject *table = form ? PyObject_GetAttrString(form, "code_map") : NULL;
    normal_expansions = form ? PyObject_GetAttrString(form, "expansions") : NULL;
    int failed = table == NULL || normal_expansions == NULL || PyObject_GetBuffer(table, &normal_table, PyBUF_C_CONTIGUOUS) < 0;
    if (!failed && (normal_table.len != NORMAL_TABLE * (Py_ssize_t)sizeof(uint32_t) || !PyDict_Check(normal_expansions))) {
        PyErr_SetString(PyExc_ValueError, "_features: normalise.CASED must hold 65,536 uint32 codes and a dict of expansions");
        failed = 1;
    }
    Py_XDECREF(table);
    Py_XDECREF(form);
    Py_XDECREF(module);
    return failed ? -1 : 0;
}

/* normalise.normalise_cased of one character: its code, DELETED_CHAR or EXPANDS_CHAR (NUL is a character like any other). */
static Py_UCS4 normal_char(Py_UCS4 c) {
    return c < NORMAL_TABLE ? ((const uint32_t *)normal_table.buf)[c] : c;
}

static PyObject *normal_form(PyObject *token) {
    Py_ssize_t length = PyUnicode_GET_LENGTH(token);
    Py_UCS4 *chars = PyMem_Malloc((length * MAX_EXPANSION + 1) * sizeof(Py_UCS4));
    if (chars == NULL) {
        return PyErr_NoMemory();
    }
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < length; i++) {
        Py_UCS4 raw = PyUnicode_READ_CHAR(token, i);
        Py_UCS4 c = normal_char(raw);
        if (c == EXPANDS_CHAR) {
            PyObject *key = PyLong_FromUnsignedLong(raw);
            PyObject *letters = key ? PyDict_GetItemWithError(normal_expansions, key) : NULL; /* borrowed */
            Py_XDECREF(key);
            if (letters == NULL || !PyUnicode_Check(letters) || PyUnicode_GET_LENGTH(letters) > MAX_EXPANSION) {
                if (!PyErr_Occurred()) {
                    PyErr_Format(PyExc_ValueError, "_features: no expansion of U+%04X", (unsigned)raw);
                }
                PyMem_Free(chars);
                return NULL;
            }
            for (Py_ssize_t j = 0; j < PyUnicode_GET_LENGTH(letters); j++) {
                chars[n++] = PyUnicode_READ_CHAR(letters, j);
            }
        } else if (c != DELETED_CHAR) {
            chars[n++] = c;
        }
    }
    PyObject *word = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, chars, n);
    PyMem_Free(chars);
    return word;
}

static int pair_at(PyObject *s, Py_ssize_t at, Py_UCS4 a, Py_UCS4 b) {
    return PyUnicode_GET_LENGTH(s) - at >= 2 && PyUnicode_READ_CHAR(s, at) == a && PyUnicode_READ_CHAR(s, at + 1) == b;
}

static int is_conjunction(Py_UCS4 c) { return c == WAW || c == FEH; }
static int is_preposition(Py_UCS4 c) { return c == BEH || c == LAM || c == KAF; }

/* One stem candidate: word[start:], with the article "ال" written before it when `article`. */
typedef struct {
    Py_ssize_t start;
    int article;
} Form;

/* normalise.stem_candidates as Forms, longest first; their number. (No two are the same string: each is
 * shorter than the one before, but for "ال" + rest[2:] after a "لل" rest, which cannot equal it.) The last
 * one is the stem normalise.strip_clitics leaves: the same proclitics stripped by the same tests. */
static int stem_candidates(PyObject *word, Form *forms) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(word), k = 0;
    int count = 0;
    forms[count++] = (Form){0, 0};
    if (n - k > MIN_STEM + 1 && is_conjunction(PyUnicode_READ_CHAR(word, k))) {
        forms[count++] = (Form){++k, 0};
    }
    if (n - k > MIN_STEM + 1 && pair_at(word, k, LAM, LAM)) {
        forms[count++] = (Form){k + 2, 1};
        forms[count++] = (Form){k + 2, 0};
        return count;
    }
    if (n - k > MIN_STEM + 1 && is_preposition(PyUnicode_READ_CHAR(word, k))) {
        forms[count++] = (Form){++k, 0};
    }
    if (n - k > MIN_STEM + 1 && pair_at(word, k, ALEF, LAM)) {
        forms[count++] = (Form){k + 2, 0};
    }
    return count;
}

/* The strings this module writes often, made once. */
static struct {
    PyObject *bias, *longword, *w, *st, *pre, *sh, *g, *sv, *fb, *article, *tab;
    PyObject *shapes[5];   /* arabic, latin, digit, punct, mixed */
    PyObject *affixes[3][2]; /* p1= s1=, p2= s2=, p3= s3= */
    PyObject *bands[4];    /* 1000, 10000, 50000, rare */
    PyObject *oov;
    PyObject *begin, *end; /* features.BEGIN, features.END */
    PyObject *empty;
} names;

static int make_names(void) {
    static const char *shapes[] = {"arabic", "latin", "digit", "punct", "mixed"};
    static const char *bands[] = {"1000", "10000", "50000", "rare"};
    PyObject **plain[] = {&names.bias, &names.longword, &names.w, &names.st, &names.pre, &names.sh, &names.g,
                          &names.sv, &names.fb, &names.oov, &names.tab, &names.begin, &names.end, &names.empty};
    const char *texts[] = {"bias", "long", "w=", "st=", "pre=", "sh=", "g=", "sv=", "fb=", "oov", "\t", "<s>", "</s>", ""};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        if ((*plain[i] = PyUnicode_InternFromString(texts[i])) == NULL) {
            return -1;
        }
    }
    for (int i = 0; i < 5; i++) {
        if ((names.shapes[i] = PyUnicode_InternFromString(shapes[i])) == NULL) {
            return -1;
        }
    }
    for (int i = 0; i < 4; i++) {
        if ((names.bands[i] = PyUnicode_InternFromString(bands[i])) == NULL) {
            return -1;
        }
    }
    for (int size = 1; size <= 3; size++) {
        names.affixes[size - 1][0] = PyUnicode_FromFormat("p%d=", size);
        names.affixes[size - 1][1] = PyUnicode_FromFormat("s%d=", size);
        if (names.affixes[size - 1][0] == NULL || names.affixes[size - 1][1] == NULL) {
            return -1;
        }
    }
    Py_UCS4 al[2] = {ALEF, LAM};
    names.article = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, al, 2);
    return names.article == NULL ? -1 : 0;
}

/* features.shape of the normal form: which of names.shapes. */
static PyObject *shape(PyObject *word) {
    enum { ARABIC = 1, LATIN = 2, DIGIT = 4, PUNCT = 8 };
    int kinds = 0;
    Py_ssize_t n = PyUnicode_GET_LENGTH(word);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(word, i);
        if (c >= 0x0621 && c <= 0x064A) {
            kinds |= ARABIC;
        } else if (Py_UNICODE_ISDIGIT(c)) {
            kinds |= DIGIT;
        } else if (Py_UNICODE_ISALPHA(c)) {
            kinds |= LATIN;
        } else {
            kinds |= PUNCT;
        }
    }
    switch (kinds) {
    case ARABIC: return names.shapes[0];
    case LATIN: return names.shapes[1];
    case DIGIT: return names.shapes[2];
    case PUNCT: return names.shapes[3];
    default: return names.shapes[4];
    }
}

/* Append head + tail (a new string) to `out`; steals the reference to `tail` (NULL: fail). */
static int append_named(PyObject *out, PyObject *head, PyObject *tail) {
    if (tail == NULL) {
        return -1;
    }
    PyObject *name = PyUnicode_Concat(head, tail);
    Py_DECREF(tail);
    int failed = name == NULL || PyList_Append(out, name) < 0;
    Py_XDECREF(name);
    return failed ? -1 : 0;
}

/* The stem candidate `form` of `word` as a new string. */
static PyObject *form_text(PyObject *word, Form form) {
    PyObject *rest = PyUnicode_Substring(word, form.start, PyUnicode_GET_LENGTH(word));
    if (rest == NULL || !form.article) {
        return rest;
    }
    PyObject *text = PyUnicode_Concat(names.article, rest);
    Py_DECREF(rest);
    return text;
}

/* "c1=55", "c2=17" ... (head "c") or "sc1=..." (head "sc") of the tab-separated cluster ids. */
static int append_levels(PyObject *out, const char *head, PyObject *ids) {
    PyObject *levels = PyUnicode_Split(ids, names.tab, -1);
    if (levels == NULL) {
        return -1;
    }
    int failed = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(levels) && !failed; i++) {
        PyObject *name = PyUnicode_FromFormat("%s%zd=%U", head, i + 1, PyList_GET_ITEM(levels, i));
        failed = name == NULL || PyList_Append(out, name) < 0;
        Py_XDECREF(name);
    }
    Py_DECREF(levels);
    return failed ? -1 : 0;
}

static int is_nonempty_str(PyObject *value) {
    return value != NULL && PyUnicode_Check(value) && PyUnicode_GET_LENGTH(value) > 0;
}

/* FeatureExtractor._cluster_features: the stem's ids are those of the first stripped form that has some (of
 * the word itself when nothing can be stripped, the word then being its own stem). */
static int cluster_features(PyObject *out, PyObject *clusters, PyObject *word, const Form *forms, int count) {
    PyObject *ids = PyDict_GetItemWithError(clusters, word);
    if (is_nonempty_str(ids) && append_levels(out, "c", ids) < 0) {
        return -1;
    }
    if (ids == NULL && PyErr_Occurred()) {
        return -1;
    }
    for (int i = count > 1 ? 1 : 0; i < count; i++) {
        PyObject *form = form_text(word, forms[i]);
        if (form == NULL) {
            return -1;
        }
        ids = PyDict_GetItemWithError(clusters, form);
        Py_DECREF(form);
        if (ids == NULL && PyErr_Occurred()) {
            return -1;
        }
        if (is_nonempty_str(ids)) {
            return append_levels(out, "sc", ids);
        }
    }
    return 0;
}

/* set.update(tags, iterable): 0 on success. */
static int add_all(PyObject *set, PyObject *iterable) {
    PyObject *iterator = PyObject_GetIter(iterable);
    if (iterator == NULL) {
        return -1;
    }
    PyObject *item;
    int failed = 0;
    while (!failed && (item = PyIter_Next(iterator)) != NULL) {
        failed = PySet_Add(set, item) < 0;
        Py_DECREF(item);
    }
    Py_DECREF(iterator);
    return failed || PyErr_Occurred() ? -1 : 0;
}

/* FeatureExtractor._gazetteer_features */
static int gazetteer_features(PyObject *out, PyObject *gazetteer, PyObject *word, const Form *forms, int count) {
    PyObject *tags = PySet_New(NULL);
    if (tags == NULL) {
        return -1;
    }
    int failed = 0;
    for (int i = 0; i < count && !failed; i++) {
        PyObject *form = form_text(word, forms[i]);
        PyObject *found = form ? PyDict_GetItemWithError(gazetteer, form) : NULL;
        Py_XDECREF(form);
        if (found != NULL) {
            failed = add_all(tags, found) < 0;
        } else {
            failed = PyErr_Occurred() != NULL;
        }
    }
    PyObject *sorted = failed || PySet_GET_SIZE(tags) == 0 ? NULL : PySequence_List(tags);
    Py_DECREF(tags);
    if (sorted == NULL) {
        return failed || PyErr_Occurred() ? -1 : 0;
    }
    failed = PyList_Sort(sorted) < 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(sorted) && !failed; i++) {
        failed = append_named(out, names.g, Py_NewRef(PyList_GET_ITEM(sorted, i))) < 0;
    }
    Py_DECREF(sorted);
    return failed ? -1 : 0;
}

/* FeatureExtractor._frequency_band: one of names.bands or names.oov (borrowed), NULL on error. */
static PyObject *frequency_band(PyObject *ranks, PyObject *word) {
    static const long long bands[] = {1000, 10000, 50000};
    PyObject *rank = PyDict_GetItemWithError(ranks, word);
    if (rank == NULL) {
        return PyErr_Occurred() ? NULL : names.oov;
    }
    long long value = PyLong_AsLongLong(rank);
    if (value == -1 && PyErr_Occurred()) {
        return NULL;
    }
    for (int i = 0; i < 3; i++) {
        if (value < bands[i]) {
            return names.bands[i];
        }
    }
    return names.bands[3];
}

static int fill(PyObject *out, PyObject *word, PyObject *clusters, PyObject *gazetteer, PyObject *ranks, PyObject *silver) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(word);
    Form forms[MAX_FORMS];
    int count = stem_candidates(word, forms);
    Py_ssize_t k = forms[count - 1].start; /* strip_clitics' proclitics */
    PyObject *stem = PyUnicode_Substring(word, k, n);
    if (stem == NULL) {
        return -1;
    }
    Py_ssize_t length = n - k;
    int failed = PyList_Append(out, names.bias) < 0 || append_named(out, names.w, Py_NewRef(word)) < 0
        || append_named(out, names.st, Py_NewRef(stem)) < 0
        || append_named(out, names.pre, PyUnicode_Substring(word, 0, k)) < 0
        || append_named(out, names.sh, Py_NewRef(shape(word))) < 0;
    for (Py_ssize_t size = 1; size <= 3 && !failed; size++) {
        if (length > size) {
            failed = append_named(out, names.affixes[size - 1][0], PyUnicode_Substring(stem, 0, size)) < 0
                || append_named(out, names.affixes[size - 1][1], PyUnicode_Substring(stem, length - size, length)) < 0;
        }
    }
    if (!failed && length >= LONG_WORD) {
        failed = PyList_Append(out, names.longword) < 0;
    }
    failed = failed || cluster_features(out, clusters, word, forms, count) < 0
        || gazetteer_features(out, gazetteer, word, forms, count) < 0;
    if (!failed && PyDict_GET_SIZE(silver)) {
        PyObject *kind = PyDict_GetItemWithError(silver, stem);
        failed = kind == NULL ? PyErr_Occurred() != NULL : append_named(out, names.sv, Py_NewRef(kind)) < 0;
    }
    PyObject *band = failed ? NULL : frequency_band(ranks, word);
    failed = band == NULL || append_named(out, names.fb, Py_NewRef(band)) < 0;
    Py_DECREF(stem);
    return failed ? -1 : 0;
}

static PyObject *word_features(PyObject *self, PyObject *args) {
    PyObject *token, *clusters, *gazetteer, *ranks, *silver;
    if (!PyArg_ParseTuple(args, "UO!O!O!O!:word_features", &token, &PyDict_Type, &clusters, &PyDict_Type, &gazetteer,
                          &PyDict_Type, &ranks, &PyDict_Type, &silver)) {
        return NULL;
    }
    PyObject *word = normal_form(token);
    PyObject *out = word ? PyList_New(0) : NULL;
    if (out != NULL && fill(out, word, clusters, gazetteer, ranks, silver) < 0) {
        Py_CLEAR(out);
    }
    Py_XDECREF(word);
    return out;
}

/* A buffer's format names a native type of `size` bytes in `kinds` (as _viterbi.c). */
static int format_is(const Py_buffer *view, const char *kinds, Py_ssize_t size) {
    const char *format = view->format ? view->format : "B";
    if (*format == '@' || *format == '=' || (*format == '<' && PY_LITTLE_ENDIAN)) {
        format++;
    }
    return format[0] != '\0' && format[1] == '\0' && strchr(kinds, format[0]) != NULL && view->itemsize == size;
}

/* A C-contiguous buffer of `object` (writable when asked), or -1 with a TypeError naming the function and argument. */
static int take_buffer(PyObject *object, Py_buffer *view, int writable, const char *function, const char *name) {
    if (PyObject_GetBuffer(object, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0)) < 0) {
        PyErr_Format(PyExc_TypeError, "%s: %s must be a C-contiguous%s buffer", function, name, writable ? " writable" : "");
        return -1;
    }
    return 0;
}

/* The summing state of one call: the table, the ids and one float32 accumulator per slot. */
typedef struct {
    float *table;
    Py_ssize_t rows, labels, used;
    int64_t *ids;
    Py_ssize_t width;
    float *sums;                  /* [width, labels] */
    Py_ssize_t count[MAX_SLOTS];  /* rows added to each slot so far */
    Py_ssize_t first[MAX_SLOTS];  /* each slot's first row */
} Summing;

/* Add the rows of one feature's pairs (a tuple of packed ints) to their slots. */
static int add_pairs(Summing *at, PyObject *pairs) {
    if (!PyTuple_Check(pairs)) {
        PyErr_SetString(PyExc_TypeError, "summed_rows: slots must map features to tuples of ints");
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(pairs); i++) {
        long long code = PyLong_AsLongLong(PyTuple_GET_ITEM(pairs, i));
        if (code == -1 && PyErr_Occurred()) {
            return -1;
        }
        Py_ssize_t slot = (Py_ssize_t)(code & (MAX_SLOTS - 1));
        long long row = code >> SLOT_BITS;
        if (code < 0 || slot >= at->width || row >= at->used) {
            PyErr_Format(PyExc_ValueError, "summed_rows: pair %lld names slot %zd of %zd or row %lld of %zd", code, slot,
                         at->width, row, at->used);
            return -1;
        }
        const float *weights = at->table + row * at->labels;
        float *sum = at->sums + slot * at->labels;
        if (at->count[slot] == 0) {
            at->first[slot] = (Py_ssize_t)row;
        } else if (at->count[slot] == 1) {  /* ((first + second) + third) ...: crf._sequential_sums' order */
            const float *head = at->table + at->first[slot] * at->labels;
            for (Py_ssize_t j = 0; j < at->labels; j++) {
                sum[j] = head[j] + weights[j];
            }
        } else {
            for (Py_ssize_t j = 0; j < at->labels; j++) {
                sum[j] += weights[j];
            }
        }
        at->count[slot]++;
    }
    return 0;
}

/* One token's ids: the zero row, its one row or a new row holding its sum, slot by slot. */
static int write_ids(Summing *at, Py_ssize_t token) {
    int64_t *ids = at->ids + token * at->width;
    for (Py_ssize_t slot = 0; slot < at->width; slot++) {
        if (at->count[slot] <= 1) {
            ids[slot] = at->count[slot] ? at->first[slot] : 0;
            continue;
        }
        if (at->used >= at->rows) {
            PyErr_Format(PyExc_ValueError, "summed_rows: the table's %zd rows are full", at->rows);
            return -1;
        }
        memcpy(at->table + at->used * at->labels, at->sums + slot * at->labels, at->labels * sizeof(float));
        ids[slot] = at->used++;
    }
    return 0;
}

/* One token: its features, their pairs summed per slot, its ids written. */
static int sum_token(Summing *at, Py_ssize_t index, PyObject *token, PyObject *lexicon[4], PyObject *slots) {
    if (!PyUnicode_Check(token)) {
        PyErr_SetString(PyExc_TypeError, "summed_rows: tokens must be str");
        return -1;
    }
    PyObject *word = normal_form(token);
    PyObject *features = word ? PyList_New(0) : NULL;
    int failed = features == NULL || fill(features, word, lexicon[0], lexicon[1], lexicon[2], lexicon[3]) < 0;
    memset(at->count, 0, sizeof at->count);
    for (Py_ssize_t i = 0; !failed && i < PyList_GET_SIZE(features); i++) {
        PyObject *pairs = PyDict_GetItemWithError(slots, PyList_GET_ITEM(features, i));
        failed = pairs == NULL ? PyErr_Occurred() != NULL : add_pairs(at, pairs) < 0;
    }
    Py_XDECREF(features);
    Py_XDECREF(word);
    return failed || write_ids(at, index) < 0 ? -1 : 0;
}

/* Why the table and ids buffers do not fit (NULL: they do). */
static const char *buffers_problem(const Py_buffer *table, const Py_buffer *ids, Py_ssize_t tokens, Py_ssize_t used) {
    if (!format_is(table, "f", 4) || table->ndim != 2) {
        return "table must be float32 [rows, labels]";
    }
    if (!format_is(ids, "lq", 8) || ids->ndim != 2 || ids->shape[0] != tokens) {
        return "ids must be int64 [tokens, slots]";
    }
    if (ids->shape[1] < 1 || ids->shape[1] > MAX_SLOTS) {
        return "ids must have 1 to 8 slots";
    }
    if (used < 1 || used > table->shape[0]) {
        return "used must be within the table";
    }
    return NULL;
}

static PyObject *summed_rows(PyObject *self, PyObject *args) {
    PyObject *lexicon[4], *tokens, *slots, *table_object, *ids_object;
    Py_ssize_t used;
    if (!PyArg_ParseTuple(args, "O!O!O!O!O!O!OnO:summed_rows", &PyDict_Type, &lexicon[0], &PyDict_Type, &lexicon[1],
                          &PyDict_Type, &lexicon[2], &PyDict_Type, &lexicon[3], &PyList_Type, &tokens, &PyDict_Type,
                          &slots, &table_object, &used, &ids_object)) {
        return NULL;
    }
    Py_buffer table, ids;
    if (take_buffer(table_object, &table, 1, "summed_rows", "table") < 0) {
        return NULL;
    }
    if (take_buffer(ids_object, &ids, 1, "summed_rows", "ids") < 0) {
        PyBuffer_Release(&table);
        return NULL;
    }
    Py_ssize_t count = PyList_GET_SIZE(tokens);
    const char *problem = buffers_problem(&table, &ids, count, used);
    Summing at = {.table = table.buf, .ids = ids.buf, .used = used};
    if (problem == NULL) {
        at.rows = table.shape[0];
        at.labels = table.shape[1];
        at.width = ids.shape[1];
        at.sums = PyMem_Malloc((at.width * at.labels + 1) * sizeof(float));
    }
    int failed = problem != NULL || at.sums == NULL;
    if (problem != NULL) {
        PyErr_Format(PyExc_ValueError, "summed_rows: %s", problem);
    } else if (at.sums == NULL) {
        PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < count && !failed; i++) {
        failed = sum_token(&at, i, PyList_GET_ITEM(tokens, i), lexicon, slots) < 0;
    }
    PyMem_Free(at.sums);
    PyBuffer_Release(&ids);
    PyBuffer_Release(&table);
    return failed ? NULL : PyLong_FromSsize_t(at.used);
}

/* normal_form, or the token itself when normalising changes nothing (most words). */
static PyObject *normal_or_same(PyObject *token) {
    Py_ssize_t length = PyUnicode_GET_LENGTH(token);
    int kind = PyUnicode_KIND(token);
    const void *data = PyUnicode_DATA(token);
    for (Py_ssize_t i = 0; i < length; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (normal_char(c) != c) {
            return normal_form(token);
        }
    }
    return Py_NewRef(token);
}

/* One sentence's forms appended to `forms` (and `missing`), their serials written from serials[at]. */
static int sentence_serials(PyObject *sentence, PyObject *rows, int64_t *serials, Py_ssize_t size, Py_ssize_t *at,
                            PyObject *forms, PyObject *missing) {
    PyObject *tokens = PySequence_Fast(sentence, "normal_serials: sentences must be sequences of str");
    if (tokens == NULL) {
        return -1;
    }
    int failed = 0;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(tokens) && !failed; i++) {
        PyObject *token = PySequence_Fast_GET_ITEM(tokens, i);
        if (!PyUnicode_Check(token) || *at >= size) {
            PyErr_SetString(*at >= size ? PyExc_ValueError : PyExc_TypeError,
                            *at >= size ? "normal_serials: more tokens than serials" : "normal_serials: tokens must be str");
            failed = 1;
            break;
        }
        PyObject *form = normal_or_same(token);
        PyObject *serial = form ? PyDict_GetItemWithError(rows, form) : NULL;
        if (form == NULL || (serial == NULL && PyErr_Occurred())) {
            failed = 1;
        } else if (serial == NULL) {
            serials[(*at)++] = -1;
            failed = PyList_Append(missing, form) < 0;
        } else {
            long long value = PyLong_AsLongLong(serial);
            failed = value == -1 && PyErr_Occurred();
            serials[(*at)++] = value;
        }
        failed = failed || PyList_Append(forms, form) < 0;
        Py_XDECREF(form);
    }
    Py_DECREF(tokens);
    return failed ? -1 : 0;
}

static PyObject *normal_serials(PyObject *self, PyObject *args) {
    PyObject *sentences, *rows, *serials_object;
    if (!PyArg_ParseTuple(args, "OO!O:normal_serials", &sentences, &PyDict_Type, &rows, &serials_object)) {
        return NULL;
    }
    Py_buffer serials;
    if (take_buffer(serials_object, &serials, 1, "normal_serials", "serials") < 0) {
        return NULL;
    }
    PyObject *all = format_is(&serials, "lq", 8) && serials.ndim == 1
        ? PySequence_Fast(sentences, "normal_serials: sentences must be a sequence") : NULL;
    if (all == NULL && !PyErr_Occurred()) {
        PyErr_SetString(PyExc_ValueError, "normal_serials: serials must be int64 [tokens]");
    }
    PyObject *forms = all ? PyList_New(0) : NULL, *missing = forms ? PyList_New(0) : NULL;
    Py_ssize_t at = 0;
    int failed = missing == NULL;
    for (Py_ssize_t i = 0; !failed && i < PySequence_Fast_GET_SIZE(all); i++) {
        failed = sentence_serials(PySequence_Fast_GET_ITEM(all, i), rows, serials.buf, serials.shape[0], &at, forms,
                                  missing) < 0;
    }
    if (!failed && at != serials.shape[0]) {
        PyErr_SetString(PyExc_ValueError, "normal_serials: fewer tokens than serials");
        failed = 1;
    }
    Py_XDECREF(all);
    PyBuffer_Release(&serials);
    PyObject *result = failed ? NULL : PyTuple_Pack(2, forms, missing);
    Py_XDECREF(forms);
    Py_XDECREF(missing);
    return result;
}

/* The buffers static_sums reads and writes. */
typedef struct {
    Py_buffer lengths, serials, ids, uses, table, window, edges, out;
} Views;

static const char *VIEW_NAMES[] = {"lengths", "serials", "ids", "uses", "table", "window", "edges", "out"};

/* Why the views do not fit one another (NULL: they do). */
static const char *views_problem(const Views *v, Py_ssize_t tokens) {
    const Py_buffer *ints[] = {&v->lengths, &v->serials, &v->uses, &v->window, &v->edges};
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        if (!format_is(ints[i], "lq", 8) || ints[i]->ndim != 1) {
            return "lengths, serials, uses, window and edges must be int64 vectors";
        }
    }
    if (!format_is(&v->ids, "lq", 8) || v->ids.ndim != 2 || v->ids.shape[1] != v->window.shape[0] + 1) {
        return "ids must be int64 [serials, 1 + len(window)]";
    }
    if (!format_is(&v->table, "f", 4) || v->table.ndim != 2 || !format_is(&v->out, "f", 4) || v->out.ndim != 2) {
        return "table and out must be float32 matrices";
    }
    if (v->out.shape[0] != tokens || v->out.shape[1] != v->table.shape[1] || v->serials.shape[0] != tokens) {
        return "out must be [tokens, labels] and serials [tokens]";
    }
    if (v->edges.shape[0] != v->window.shape[0] || v->uses.shape[0] < v->ids.shape[0]) {
        return "edges must have a row per window offset and uses one per serial";
    }
    return NULL;
}

/* out[0:labels] += table[row] (or = when `first`), or -1 when the row is out of the table. */
static int add_row(float *out, const Py_buffer *table, long long row, int first) {
    Py_ssize_t labels = table->shape[1];
    if (row < 0 || row >= table->shape[0]) {
        PyErr_Format(PyExc_ValueError, "static_sums: row %lld is outside the table of %zd rows", row, table->shape[0]);
        return -1;
    }
    const float *weights = (const float *)table->buf + row * labels;
    if (first) {
        memcpy(out, weights, labels * sizeof(float));
    } else {
        for (Py_ssize_t j = 0; j < labels; j++) {
            out[j] += weights[j];
        }
    }
    return 0;
}

/* The row of one bigram: nested look-ups, or the full name where a word holds "|" (as crf.Scorer._bigram_rows). */
static long long bigram_row(PyObject *pairs, PyObject *attributes, const char *prefix, PyObject *a, PyObject *b,
                            int by_name) {
    PyObject *found;
    if (by_name) {
        PyObject *name = PyUnicode_FromFormat("%s%U|%U", prefix, a, b);
        found = name ? PyDict_GetItemWithError(attributes, name) : NULL;
        Py_XDECREF(name);
        if (name == NULL) {
            return -1;
        }
    } else {
        PyObject *inner = PyDict_GetItemWithError(pairs, a);
        if (inner != NULL && !PyDict_Check(inner)) {
            PyErr_SetString(PyExc_TypeError, "static_sums: before/after must map words to dicts");
            return -1;
        }
        found = inner ? PyDict_GetItemWithError(inner, b) : NULL;
    }
    if (found == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    long long row = PyLong_AsLongLong(found);
    return row == -1 && PyErr_Occurred() ? -1 : row;
}

static int holds_separator(PyObject *word) {
    return PyUnicode_FindChar(word, '|', 0, PyUnicode_GET_LENGTH(word), 1) >= 0;
}

/* The dicts and names static_sums looks bigrams up in. */
typedef struct {
    PyObject *before, *after, *attributes, *begin, *end;
} Bigrams;

/* One sentence of `size` tokens from forms[first]: each token's sums into out. */
static int sentence_sums(const Views *v, const Bigrams *bigrams, PyObject *forms, Py_ssize_t first, Py_ssize_t size) {
    const int64_t *serials = (const int64_t *)v->serials.buf + first, *ids = v->ids.buf, *window = v->window.buf;
    const int64_t *edges = v->edges.buf;
    Py_ssize_t width = v->ids.shape[1], labels = v->table.shape[1];
    int separated = 0;
    for (Py_ssize_t i = 0; i < size && !separated; i++) {
        separated = holds_separator(PyList_GET_ITEM(forms, first + i));
    }
    for (Py_ssize_t i = 0; i < size; i++) {
        float *out = (float *)v->out.buf + (first + i) * labels;
        if (add_row(out, &v->table, ids[serials[i] * width], 1) < 0) {
            return -1;
        }
        for (Py_ssize_t slot = 1; slot < width; slot++) {
            Py_ssize_t other = i + window[slot - 1];
            long long row = other >= 0 && other < size ? ids[serials[other] * width + slot] : edges[slot - 1];
            if (add_row(out, &v->table, row, 0) < 0) {
                return -1;
            }
        }
        PyObject *word = PyList_GET_ITEM(forms, first + i);
        PyObject *previous = i ? PyList_GET_ITEM(forms, first + i - 1) : bigrams->begin;
        PyObject *following = i + 1 < size ? PyList_GET_ITEM(forms, first + i + 1) : bigrams->end;
        int split_word = separated && holds_separator(word);
        long long row = bigram_row(bigrams->before, bigrams->attributes, "bi-=", previous, word,
                                   split_word || (separated && holds_separator(previous)));
        if (row < 0 || add_row(out, &v->table, row, 0) < 0) {
            return -1;
        }
        row = bigram_row(bigrams->after, bigrams->attributes, "bi+=", word, following,
                         split_word || (separated && holds_separator(following)));
        if (row < 0 || add_row(out, &v->table, row, 0) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Serials within ids and uses; uses[serial] += 1 for each. */
static int count_uses(const Views *v) {
    const int64_t *serials = v->serials.buf;
    int64_t *uses = v->uses.buf;
    for (Py_ssize_t i = 0; i < v->serials.shape[0]; i++) {
        if (serials[i] < 0 || serials[i] >= v->ids.shape[0]) {
            PyErr_Format(PyExc_ValueError, "static_sums: serial %lld is outside ids", (long long)serials[i]);
            return -1;
        }
    }
    for (Py_ssize_t i = 0; i < v->serials.shape[0]; i++) {
        uses[serials[i]] += 1;
    }
    return 0;
}

static int all_sums(const Views *v, const Bigrams *bigrams, PyObject *forms) {
    const int64_t *lengths = v->lengths.buf;
    Py_ssize_t first = 0;
    for (Py_ssize_t s = 0; s < v->lengths.shape[0]; s++) {
        if (lengths[s] < 1 || lengths[s] > v->serials.shape[0] - first) {
            PyErr_SetString(PyExc_ValueError, "static_sums: lengths must be positive and sum to the tokens");
            return -1;
        }
        first += lengths[s];
    }
    if (first != v->serials.shape[0]) {
        PyErr_SetString(PyExc_ValueError, "static_sums: lengths must be positive and sum to the tokens");
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(forms); i++) {
        if (!PyUnicode_Check(PyList_GET_ITEM(forms, i))) {
            PyErr_SetString(PyExc_TypeError, "static_sums: forms must be str");
            return -1;
        }
    }
    if (count_uses(v) < 0) {
        return -1;
    }
    first = 0;
    for (Py_ssize_t s = 0; s < v->lengths.shape[0]; s++) {
        if (sentence_sums(v, bigrams, forms, first, lengths[s]) < 0) {
            return -1;
        }
        first += lengths[s];
    }
    return 0;
}

static PyObject *static_sums(PyObject *self, PyObject *args) {
    PyObject *forms, *objects[8];
    Bigrams bigrams;
    if (!PyArg_ParseTuple(args, "O!OOOOOOOO!O!O!O:static_sums", &PyList_Type, &forms, &objects[0], &objects[1],
                          &objects[2], &objects[3], &objects[4], &objects[5], &objects[6], &PyDict_Type, &bigrams.before,
                          &PyDict_Type, &bigrams.after, &PyDict_Type, &bigrams.attributes, &objects[7])) {
        return NULL;
    }
    Views views;
    Py_buffer *all[] = {&views.lengths, &views.serials, &views.ids, &views.uses, &views.table, &views.window, &views.edges,
                        &views.out};
    int got = 0, failed = 0;
    for (; got < 8 && !failed; got++) {
        int writable = all[got] == &views.uses || all[got] == &views.out;
        if (take_buffer(objects[got], all[got], writable, "static_sums", VIEW_NAMES[got]) < 0) {
            failed = 1;
            break;
        }
    }
    const char *problem = failed ? NULL : views_problem(&views, PyList_GET_SIZE(forms));
    if (problem != NULL) {
        PyErr_Format(PyExc_ValueError, "static_sums: %s", problem);
        failed = 1;
    }
    bigrams.begin = names.begin;
    bigrams.end = names.end;
    failed = failed || all_sums(&views, &bigrams, forms) < 0;
    for (int i = 0; i < got; i++) {
        PyBuffer_Release(all[i]);
    }
    if (failed) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- The second pass's attributes ---- */

/* features.token_stem: the normal form without its proclitics. */
static PyObject *token_stem(PyObject *token) {
    PyObject *word = normal_or_same(token);
    if (word == NULL) {
        return NULL;
    }
    Form forms[MAX_FORMS];
    int count = stem_candidates(word, forms);
    PyObject *stem = PyUnicode_Substring(word, forms[count - 1].start, PyUnicode_GET_LENGTH(word));
    Py_DECREF(word);
    return stem;
}

/* One article's tokens, stems and first-pass types, and the occurrences of each stem (a group). */
typedef struct {
    Py_ssize_t tokens, groups, window;
    PyObject **stem;        /* [tokens] new references */
    PyObject **tag;         /* [tokens] borrowed from the labels */
    PyObject **kind;        /* [tokens] borrowed from `kinds`: features.entity_type of the tag */
    Py_ssize_t *row, *column, *group;  /* [tokens]: sentence, position, group (-1: too short a stem) */
    Py_ssize_t *count, *typed;         /* [groups]: occurrences, those not tagged "O" */
    PyObject **first_kind;             /* [groups]: the type of its first typed occurrence (borrowed) */
    int *one_kind;                     /* [groups]: all typed occurrences of one type */
    Py_ssize_t *start, *members;       /* group g's occurrences: members[start[g] : start[g + 1]], in reading order */
    PyObject *kinds;                   /* dict tag -> type */
    PyObject *groups_of;               /* dict stem -> group */
    PyObject *sentences, *labels;      /* lists of lists/tuples: the borrowed items live in them */
} Article;

static struct {
    PyObject *o, *begin, *end, *no_context, *alone, *label_heads[3], *dmaj, *dt;
} context_names;

static int make_context_names(void) {
    const char *texts[] = {"O", "<s>", "</s>", "dn=0", "s1=", "s1-1=", "s1+1=", "dmaj=", "dt="};
    PyObject **slots[] = {&context_names.o, &context_names.begin, &context_names.end, &context_names.no_context,
                          &context_names.label_heads[0], &context_names.label_heads[1], &context_names.label_heads[2],
                          &context_names.dmaj, &context_names.dt};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        if ((*slots[i] = PyUnicode_InternFromString(texts[i])) == NULL) {
            return -1;
        }
    }
    context_names.alone = PyTuple_Pack(1, context_names.no_context);
    return context_names.alone == NULL ? -1 : 0;
}

static void article_free(Article *a) {
    for (Py_ssize_t i = 0; a->stem != NULL && i < a->tokens; i++) {
        Py_XDECREF(a->stem[i]);
    }
    void *blocks[] = {a->stem, a->tag, a->kind, a->row, a->column, a->group, a->count, a->typed, a->first_kind,
                      a->one_kind, a->start, a->members};
    for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++) {
        PyMem_Free(blocks[i]);
    }
    Py_XDECREF(a->kinds);
    Py_XDECREF(a->groups_of);
    Py_XDECREF(a->sentences);
    Py_XDECREF(a->labels);
}

/* features.entity_type of a tag, remembered per tag (borrowed from a->kinds). */
static PyObject *kind_of(Article *a, PyObject *tag) {
    PyObject *kind = PyDict_GetItemWithError(a->kinds, tag);
    if (kind != NULL || PyErr_Occurred()) {
        return kind;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(tag);
    PyObject *made = n > 2 ? PyUnicode_Substring(tag, 2, n) : Py_NewRef(tag);
    int failed = made == NULL || PyDict_SetItem(a->kinds, tag, made) < 0;
    Py_XDECREF(made);
    return failed ? NULL : made; /* the dict holds it */
}

/* list[i] = item (a new reference), or the list dropped (*list = NULL) when making the item failed (NULL). */
static void set_or_drop(PyObject **list, Py_ssize_t i, PyObject *item) {
    if (item == NULL) {
        Py_CLEAR(*list);
    } else {
        PyList_SET_ITEM(*list, i, item);
    }
}

/* A list of the items of `outer` as lists or tuples (PySequence_Fast of each), or NULL. */
static PyObject *fast_rows(PyObject *outer, const char *message) {
    PyObject *items = PySequence_Fast(outer, message);
    PyObject *rows = items ? PyList_New(PySequence_Fast_GET_SIZE(items)) : NULL;
    for (Py_ssize_t r = 0; rows != NULL && r < PySequence_Fast_GET_SIZE(items); r++) {
        set_or_drop(&rows, r, PySequence_Fast(PySequence_Fast_GET_ITEM(items, r), message));
    }
    Py_XDECREF(items);
    return rows;
}

/* Read the sentences and labels (lists of their items) and count the tokens; they must have the same shapes. */
static int read_tokens(Article *a, PyObject *sentences, PyObject *labels) {
    a->sentences = fast_rows(sentences, "second_pass_attributes: sentences must be sequences of str");
    a->labels = a->sentences ? fast_rows(labels, "second_pass_attributes: labels must be sequences of str") : NULL;
    if (a->labels == NULL) {
        return -1;
    }
    Py_ssize_t rows = PyList_GET_SIZE(a->sentences);
    if (PyList_GET_SIZE(a->labels) != rows) {
        PyErr_SetString(PyExc_ValueError, "second_pass_attributes: one label list per sentence");
        return -1;
    }
    for (Py_ssize_t r = 0; r < rows; r++) {
        Py_ssize_t size = PySequence_Fast_GET_SIZE(PyList_GET_ITEM(a->sentences, r));
        if (size != PySequence_Fast_GET_SIZE(PyList_GET_ITEM(a->labels, r))) {
            PyErr_SetString(PyExc_ValueError, "second_pass_attributes: one label per token");
            return -1;
        }
        a->tokens += size;
    }
    return 0;
}

static int allocate(Article *a) {
    Py_ssize_t n = a->tokens + 1;
    a->stem = PyMem_Calloc(n, sizeof(PyObject *));
    a->tag = PyMem_Calloc(n, sizeof(PyObject *));
    a->kind = PyMem_Calloc(n, sizeof(PyObject *));
    a->row = PyMem_Calloc(n, sizeof(Py_ssize_t));
    a->column = PyMem_Calloc(n, sizeof(Py_ssize_t));
    a->group = PyMem_Calloc(n, sizeof(Py_ssize_t));
    a->count = PyMem_Calloc(n, sizeof(Py_ssize_t));
    a->typed = PyMem_Calloc(n, sizeof(Py_ssize_t));
    a->first_kind = PyMem_Calloc(n, sizeof(PyObject *));
    a->one_kind = PyMem_Calloc(n, sizeof(int));
    a->start = PyMem_Calloc(n + 1, sizeof(Py_ssize_t));
    a->members = PyMem_Calloc(n, sizeof(Py_ssize_t));
    a->kinds = PyDict_New();
    a->groups_of = PyDict_New();
    if (!a->stem || !a->tag || !a->kind || !a->row || !a->column || !a->group || !a->count || !a->typed
        || !a->first_kind || !a->one_kind || !a->start || !a->members || !a->kinds || !a->groups_of) {
        if (!PyErr_Occurred()) {
            PyErr_NoMemory();
        }
        return -1;
    }
    return 0;
}

/* A token's stem, tag, type and group (features._Occurrences' first loop). */
static int place_token(Article *a, Py_ssize_t i, Py_ssize_t r, Py_ssize_t c, PyObject *token, PyObject *tag) {
    if (!PyUnicode_Check(token) || !PyUnicode_Check(tag)) {
        PyErr_SetString(PyExc_TypeError, "second_pass_attributes: tokens and labels must be str");
        return -1;
    }
    a->row[i] = r;
    a->column[i] = c;
    a->tag[i] = tag;
    if ((a->stem[i] = token_stem(token)) == NULL || (a->kind[i] = kind_of(a, tag)) == NULL) {
        return -1;
    }
    a->group[i] = -1;
    if (PyUnicode_GET_LENGTH(a->stem[i]) < MIN_CONTEXT_STEM) {
        return 0;
    }
    PyObject *known = PyDict_GetItemWithError(a->groups_of, a->stem[i]);
    Py_ssize_t g = known ? PyLong_AsSsize_t(known) : a->groups;
    if ((known == NULL && PyErr_Occurred()) || (g == -1 && PyErr_Occurred())) {
        return -1;
    }
    if (known == NULL) {
        PyObject *number = PyLong_FromSsize_t(g);
        int failed = number == NULL || PyDict_SetItem(a->groups_of, a->stem[i], number) < 0;
        Py_XDECREF(number);
        if (failed) {
            return -1;
        }
        a->groups++;
        a->one_kind[g] = 1;
    }
    a->group[i] = g;
    a->count[g]++;
    if (PyUnicode_Compare(tag, context_names.o) != 0) {
        if (a->typed[g]++ == 0) {
            a->first_kind[g] = a->kind[i];
        } else if (PyUnicode_Compare(a->kind[i], a->first_kind[g]) != 0) {
            a->one_kind[g] = 0;
        }
    }
    return PyErr_Occurred() ? -1 : 0;
}

static int place_all(Article *a) {
    Py_ssize_t i = 0;
    for (Py_ssize_t r = 0; r < PySequence_Fast_GET_SIZE(a->sentences); r++) {
        PyObject *tokens = PySequence_Fast_GET_ITEM(a->sentences, r), *tags = PySequence_Fast_GET_ITEM(a->labels, r);
        for (Py_ssize_t c = 0; c < PySequence_Fast_GET_SIZE(tokens); c++, i++) {
            if (place_token(a, i, r, c, PySequence_Fast_GET_ITEM(tokens, c), PySequence_Fast_GET_ITEM(tags, c)) < 0) {
                return -1;
            }
        }
    }
    for (Py_ssize_t g = 0; g < a->groups; g++) {  /* each group's occurrences together, in reading order */
        a->start[g + 1] = a->start[g] + a->count[g];
    }
    Py_ssize_t *next = PyMem_Calloc(a->groups + 1, sizeof(Py_ssize_t));
    if (next == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t t = 0; t < a->tokens; t++) {
        if (a->group[t] >= 0) {
            a->members[a->start[a->group[t]] + next[a->group[t]]++] = t;
        }
    }
    PyMem_Free(next);
    return 0;
}

/* Group g's occurrences whose sentences lie in [low, high]: [*first, *last) of its members. */
static void rows_within(const Article *a, Py_ssize_t g, Py_ssize_t low, Py_ssize_t high, Py_ssize_t *first,
                        Py_ssize_t *last) {
    Py_ssize_t lo = a->start[g], hi = a->start[g + 1];
    while (lo < hi) {  /* bisect_left(rows, low) */
        Py_ssize_t mid = (lo + hi) / 2;
        if (a->row[a->members[mid]] < low) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    *first = lo;
    hi = a->start[g + 1];
    while (lo < hi) {  /* bisect_right(rows, high) */
        Py_ssize_t mid = (lo + hi) / 2;
        if (a->row[a->members[mid]] <= high) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    *last = lo;
}

/* features._context_features of the types in `kinds` (a list): ("dn=0",) for none, else the majority (the
 * first in sorted order among the most frequent) and every type but "O", sorted. */
static PyObject *context_features(PyObject *kinds) {
    if (PyList_GET_SIZE(kinds) == 0) {
        return Py_NewRef(context_names.alone);
    }
    PyObject *sorted = PyList_GetSlice(kinds, 0, PyList_GET_SIZE(kinds));  /* equal types become runs */
    int failed = sorted == NULL || PyList_Sort(sorted) < 0;
    Py_ssize_t best = 0, n = failed ? 0 : PyList_GET_SIZE(sorted);
    PyObject *majority = NULL;
    for (Py_ssize_t i = 0, run = 0; i < n && !failed; i++) {
        run = i && PyUnicode_Compare(PyList_GET_ITEM(sorted, i), PyList_GET_ITEM(sorted, i - 1)) == 0 ? run + 1 : 1;
        if (run > best) {  /* strictly more: at a tie the type first in sorted order stays */
            best = run;
            majority = PyList_GET_ITEM(sorted, i);
        }
    }
    PyObject *parts = failed ? NULL : PyList_New(0);
    failed = parts == NULL || append_named(parts, context_names.dmaj, Py_NewRef(majority)) < 0;
    for (Py_ssize_t i = 0; !failed && i < n; i++) {
        PyObject *kind = PyList_GET_ITEM(sorted, i);
        int repeat = i && PyUnicode_Compare(kind, PyList_GET_ITEM(sorted, i - 1)) == 0;
        failed = !repeat && PyUnicode_Compare(kind, context_names.o) != 0
            && append_named(parts, context_names.dt, Py_NewRef(kind)) < 0;
    }
    PyObject *out = failed ? NULL : PyList_AsTuple(parts);
    Py_XDECREF(parts);
    Py_XDECREF(sorted);
    return out;
}

/* The context of a stem of one type everywhere (uniform) or NULL for a stem of several (each occurrence's own). */
static PyObject *uniform_context(const Article *a, Py_ssize_t g) {
    if (a->typed[g] != 0 && !(a->typed[g] == a->count[g] && a->one_kind[g])) {
        return NULL;
    }
    PyObject *kinds = PyList_New(1);
    if (kinds == NULL) {
        return NULL;
    }
    PyList_SET_ITEM(kinds, 0, Py_NewRef(a->typed[g] ? a->first_kind[g] : context_names.o));
    PyObject *context = context_features(kinds);
    Py_DECREF(kinds);
    return context;
}

/* The context of token t of a stem of several types: the types of the other occurrences within the window. */
static PyObject *mixed_context(const Article *a, Py_ssize_t t) {
    Py_ssize_t first, last;
    rows_within(a, a->group[t], a->row[t] - a->window, a->row[t] + a->window, &first, &last);
    PyObject *kinds = PyList_New(0);
    for (Py_ssize_t m = first; kinds != NULL && m < last; m++) {
        Py_ssize_t other = a->members[m];
        if (other != t && PyList_Append(kinds, a->kind[other]) < 0) {
            Py_CLEAR(kinds);
        }
    }
    PyObject *context = kinds ? context_features(kinds) : NULL;
    Py_XDECREF(kinds);
    return context;
}

/* features._label_attributes of token t: ("s1=" label, "s1-1=" the one before, "s1+1=" the one after). */
static PyObject *label_attributes(const Article *a, Py_ssize_t t, PyObject *memo) {
    Py_ssize_t size = PySequence_Fast_GET_SIZE(PySequence_Fast_GET_ITEM(a->labels, a->row[t]));
    PyObject *before = a->column[t] ? a->tag[t - 1] : context_names.begin;
    PyObject *after = a->column[t] + 1 < size ? a->tag[t + 1] : context_names.end;
    PyObject *key = PyTuple_Pack(3, a->tag[t], before, after);
    PyObject *found = key ? PyDict_GetItemWithError(memo, key) : NULL;
    if (found != NULL || key == NULL || PyErr_Occurred()) {
        Py_XDECREF(key);
        return found ? Py_NewRef(found) : NULL;
    }
    PyObject *parts = PyList_New(0);
    PyObject *values[3] = {a->tag[t], before, after};
    int failed = parts == NULL;
    for (int k = 0; k < 3 && !failed; k++) {
        failed = append_named(parts, context_names.label_heads[k], Py_NewRef(values[k])) < 0;
    }
    PyObject *made = failed ? NULL : PyList_AsTuple(parts);
    Py_XDECREF(parts);
    if (made != NULL && PyDict_SetItem(memo, key, made) < 0) {
        Py_CLEAR(made);
    }
    Py_DECREF(key);
    return made;
}

/* The context of token t (borrowed from `contexts` or `uniform`; NULL: error). */
static PyObject *token_context(const Article *a, Py_ssize_t t, PyObject **uniform, PyObject *contexts) {
    Py_ssize_t g = a->group[t];
    if (a->count[g] == 1) {
        return context_names.alone;
    }
    if (uniform[g] != NULL) {
        Py_ssize_t first, last;
        rows_within(a, g, a->row[t] - a->window, a->row[t] + a->window, &first, &last);
        return last - first == 1 ? context_names.alone : uniform[g];
    }
    PyObject *key = Py_BuildValue("(nnO)", g, a->row[t], a->kind[t]);  /* per (stem, sentence, type) */
    PyObject *context = key ? PyDict_GetItemWithError(contexts, key) : NULL;
    if (context == NULL && key != NULL && !PyErr_Occurred()) {
        PyObject *made = mixed_context(a, t);
        if (made != NULL && PyDict_SetItem(contexts, key, made) == 0) {
            context = made;  /* the dict holds it */
        }
        Py_XDECREF(made);
    }
    Py_XDECREF(key);
    return context;
}

/* The attributes of sentence r's tokens, the first being token *t (moved past them). */
static PyObject *sentence_attributes(const Article *a, Py_ssize_t r, Py_ssize_t *t, PyObject **uniform, PyObject *memo,
                                     PyObject *contexts) {
    Py_ssize_t size = PySequence_Fast_GET_SIZE(PyList_GET_ITEM(a->sentences, r));
    PyObject *sentence = PyList_New(size);
    for (Py_ssize_t c = 0; sentence != NULL && c < size; c++, (*t)++) {
        PyObject *extra = label_attributes(a, *t, memo);
        PyObject *context = extra == NULL || a->group[*t] < 0 ? NULL : token_context(a, *t, uniform, contexts);
        PyObject *attributes = extra == NULL ? NULL : a->group[*t] < 0 ? Py_NewRef(extra)
                               : context == NULL ? NULL : PySequence_Concat(extra, context);
        Py_XDECREF(extra);
        set_or_drop(&sentence, c, attributes);
    }
    return sentence;
}

/* Every token's attributes, sentence by sentence. */
static PyObject *all_attributes(const Article *a, PyObject **uniform) {
    PyObject *memo = PyDict_New(), *contexts = PyDict_New();
    Py_ssize_t rows = PyList_GET_SIZE(a->sentences), t = 0;
    PyObject *out = memo && contexts ? PyList_New(rows) : NULL;
    for (Py_ssize_t r = 0; out != NULL && r < rows; r++) {
        set_or_drop(&out, r, sentence_attributes(a, r, &t, uniform, memo, contexts));
    }
    Py_XDECREF(memo);
    Py_XDECREF(contexts);
    return out;
}

static PyObject *second_pass_attributes(PyObject *self, PyObject *args) {
    PyObject *sentences, *labels;
    Article a = {0};
    if (!PyArg_ParseTuple(args, "OOn:second_pass_attributes", &sentences, &labels, &a.window)) {
        return NULL;
    }
    PyObject *out = NULL;
    PyObject **uniform = NULL;
    if (read_tokens(&a, sentences, labels) == 0 && allocate(&a) == 0 && place_all(&a) == 0) {
        uniform = PyMem_Calloc(a.groups + 1, sizeof(PyObject *));
        int failed = uniform == NULL;
        for (Py_ssize_t g = 0; !failed && g < a.groups; g++) {
            uniform[g] = a.count[g] > 1 ? uniform_context(&a, g) : NULL;
            failed = uniform[g] == NULL && PyErr_Occurred();
        }
        out = failed ? NULL : all_attributes(&a, uniform);
    }
    for (Py_ssize_t g = 0; uniform != NULL && g < a.groups; g++) {
        Py_XDECREF(uniform[g]);
    }
    PyMem_Free(uniform);
    article_free(&a);
    return out;
}

/* ---- The second pass's extra scores ---- */

/* The float32 buffers extra_emissions reads and writes. */
typedef struct {
    Py_buffer state, statics, out;
    Py_ssize_t start, stop;
} Extras;

/* A token's attribute names (a tuple or a list), or NULL with TypeError. */
static PyObject *token_names(PyObject *names) {
    if (!PyTuple_Check(names) && !PyList_Check(names)) {
        PyErr_SetString(PyExc_TypeError, "extra_emissions: each token's extras must be a tuple or list of str");
        return NULL;
    }
    return names;
}

/* out row i = static row i's columns + the rows of the token's attributes (see the header). */
static int token_extra(const Extras *x, PyObject *attributes, PyObject *extras, Py_ssize_t i, float *sum) {
    PyObject *names = token_names(extras);
    if (names == NULL) {
        return -1;
    }
    Py_ssize_t labels = x->stop - x->start, count = PySequence_Fast_GET_SIZE(names);
    const float *state = x->state.buf;
    for (Py_ssize_t j = 0; j < labels; j++) {
        sum[j] = 0.0f;
    }
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *name = PySequence_Fast_GET_ITEM(names, k);
        PyObject *found = PyUnicode_Check(name) ? PyDict_GetItemWithError(attributes, name) : NULL;
        long long row = found ? PyLong_AsLongLong(found) : 0;
        if (!PyUnicode_Check(name) || (found == NULL && PyErr_Occurred()) || (row == -1 && PyErr_Occurred())) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_TypeError, "extra_emissions: attribute names must be str");
            }
            return -1;
        }
        if (row < 0 || row >= x->state.shape[0]) {
            PyErr_Format(PyExc_ValueError, "extra_emissions: row %lld is outside the weights", row);
            return -1;
        }
        const float *weights = state + row * x->state.shape[1] + x->start;
        for (Py_ssize_t j = 0; j < labels; j++) {
            sum[j] += weights[j];
        }
    }
    const float *statics = (const float *)x->statics.buf + i * x->statics.shape[1] + x->start;
    float *out = (float *)x->out.buf + i * labels;
    for (Py_ssize_t j = 0; j < labels; j++) {
        out[j] = statics[j] + sum[j];
    }
    return 0;
}

static const char *extras_problem(const Extras *x, Py_ssize_t tokens) {
    if (!format_is(&x->state, "f", 4) || x->state.ndim != 2 || !format_is(&x->statics, "f", 4) || x->statics.ndim != 2
        || !format_is(&x->out, "f", 4) || x->out.ndim != 2) {
        return "state, static and out must be float32 matrices";
    }
    if (x->start < 0 || x->start >= x->stop || x->stop > x->state.shape[1] || x->statics.shape[1] != x->state.shape[1]) {
        return "the columns must lie within the weights' and the static scores' labels";
    }
    if (x->statics.shape[0] != tokens || x->out.shape[0] != tokens || x->out.shape[1] != x->stop - x->start) {
        return "static must be [tokens, labels] and out [tokens, stop - start]";
    }
    return NULL;
}

static int all_extras(Extras *x, PyObject *sentences, PyObject *attributes) {
    Py_ssize_t tokens = 0;
    for (Py_ssize_t r = 0; r < PyList_GET_SIZE(sentences); r++) {
        tokens += PySequence_Fast_GET_SIZE(PyList_GET_ITEM(sentences, r));
    }
    const char *problem = extras_problem(x, tokens);
    if (problem != NULL) {
        PyErr_Format(PyExc_ValueError, "extra_emissions: %s", problem);
        return -1;
    }
    float *sum = PyMem_Malloc((x->stop - x->start) * sizeof(float));
    if (sum == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    int failed = 0;
    for (Py_ssize_t r = 0, i = 0; !failed && r < PyList_GET_SIZE(sentences); r++) {
        PyObject *row = PyList_GET_ITEM(sentences, r);
        for (Py_ssize_t c = 0; !failed && c < PySequence_Fast_GET_SIZE(row); c++, i++) {
            failed = token_extra(x, attributes, PySequence_Fast_GET_ITEM(row, c), i, sum) < 0;
        }
    }
    PyMem_Free(sum);
    return failed ? -1 : 0;
}

static PyObject *extra_emissions(PyObject *self, PyObject *args) {
    PyObject *extras, *attributes, *objects[3];
    Extras x = {0};
    if (!PyArg_ParseTuple(args, "OO!OnnOO:extra_emissions", &extras, &PyDict_Type, &attributes, &objects[0], &x.start,
                          &x.stop, &objects[1], &objects[2])) {
        return NULL;
    }
    Py_buffer *views[] = {&x.state, &x.statics, &x.out};
    const char *names[] = {"state", "static", "out"};
    int got = 0, failed = 0;
    for (; got < 3; got++) {
        if (take_buffer(objects[got], views[got], got == 2, "extra_emissions", names[got]) < 0) {
            failed = 1;
            break;
        }
    }
    PyObject *sentences = failed ? NULL : fast_rows(extras, "extra_emissions: extras must be sequences of tokens' extras");
    failed = sentences == NULL || all_extras(&x, sentences, attributes) < 0;
    Py_XDECREF(sentences);
    for (int i = 0; i < got; i++) {
        PyBuffer_Release(views[i]);
    }
    if (failed) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- The rules' stems ---- */

#define VIEW_DELETED 0xFFFFFFFFu  /* normalise._DELETED */
#define VIEW_EXPANDS 0xFFFFFFFEu  /* normalise._EXPANDS */
#define VIEW_TABLE 0x10000

/* normalise_query of text[start:end], "ا" first when `alef`: one table look-up per character, a presentation
 * form's letters from `expansions`. `buffer` has room for MAX_EXPANSION letters per character, and one more. */
static PyObject *view_of(PyObject *text, Py_ssize_t start, Py_ssize_t end, int alef, const uint32_t *table,
                         PyObject *expansions, Py_UCS4 *buffer) {
    Py_ssize_t n = 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    if (alef) {
        buffer[n++] = ALEF;
    }
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        uint32_t code = c < VIEW_TABLE ? table[c] : c;
        if (code == VIEW_DELETED) {
            continue;
        }
        if (code != VIEW_EXPANDS) {
            buffer[n++] = code;
            continue;
        }
        PyObject *key = PyLong_FromUnsignedLong(c);
        PyObject *letters = key ? PyDict_GetItemWithError(expansions, key) : NULL;
        Py_XDECREF(key);
        if (letters == NULL || !PyUnicode_Check(letters)) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_ValueError, "rule_stems: no expansion (a str) for U+%04X", (unsigned)c);
            }
            return NULL;
        }
        Py_ssize_t length = PyUnicode_GET_LENGTH(letters);
        if (length > MAX_EXPANSION) {
            PyErr_Format(PyExc_ValueError, "rule_stems: the expansion of U+%04X is longer than %d", (unsigned)c, MAX_EXPANSION);
            return NULL;
        }
        for (Py_ssize_t j = 0; j < length; j++) {
            buffer[n++] = PyUnicode_READ_CHAR(letters, j);
        }
    }
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buffer, n);
}

/* A token tuple's first four fields: start, end, kind (borrowed), stem_start; -1 when they do not fit the text. */
static int token_fields(PyObject *token, Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *end, PyObject **kind,
                        Py_ssize_t *stem_start) {
    if (!PyTuple_Check(token) || PyTuple_GET_SIZE(token) < 4) {
        PyErr_SetString(PyExc_TypeError, "rule_stems: tokens must be Token tuples");
        return -1;
    }
    *start = PyLong_AsSsize_t(PyTuple_GET_ITEM(token, 0));
    *end = PyLong_AsSsize_t(PyTuple_GET_ITEM(token, 1));
    *kind = PyTuple_GET_ITEM(token, 2);
    *stem_start = PyLong_AsSsize_t(PyTuple_GET_ITEM(token, 3));
    if (PyErr_Occurred()) {
        return -1;
    }
    if (*start < 0 || *start > *stem_start || *stem_start > *end || *end > length) {
        PyErr_Format(PyExc_ValueError, "rule_stems: token (%zd, %zd) with its stem at %zd is outside the text of %zd",
                     *start, *end, *stem_start, length);
        return -1;
    }
    return 0;
}

/* One sentence's stems. */
static PyObject *sentence_stems(PyObject *text, PyObject *sentence, PyObject *word_kinds, const uint32_t *table,
                                PyObject *expansions, Py_UCS4 **buffer, Py_ssize_t *room) {
    PyObject *tokens = PySequence_Fast(sentence, "rule_stems: sentences must be sequences of tokens");
    PyObject *out = tokens ? PyList_New(PySequence_Fast_GET_SIZE(tokens)) : NULL;
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    int kind_text = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; out != NULL && i < PySequence_Fast_GET_SIZE(tokens); i++) {
        Py_ssize_t start, end, stem_start;
        PyObject *kind, *stem = NULL;
        int word = token_fields(PySequence_Fast_GET_ITEM(tokens, i), length, &start, &end, &kind, &stem_start) < 0
            ? -1 : PySet_Contains(word_kinds, kind);
        if (word == 0) {
            stem = Py_NewRef(names.empty);
        } else if (word > 0) {
            int alef = stem_start > start && PyUnicode_READ(kind_text, data, stem_start - 1) == LAM
                && stem_start < length && PyUnicode_READ(kind_text, data, stem_start) == LAM;
            Py_ssize_t needed = (end - stem_start) * MAX_EXPANSION + 1;
            if (*room < needed) {
                PyMem_Free(*buffer);
                *room = 2 * needed;
                *buffer = PyMem_Malloc(*room * sizeof(Py_UCS4));
            }
            stem = *buffer == NULL ? PyErr_NoMemory() : view_of(text, stem_start, end, alef, table, expansions, *buffer);
        }
        set_or_drop(&out, i, stem);
    }
    Py_XDECREF(tokens);
    return out;
}

static PyObject *rule_stems(PyObject *self, PyObject *args) {
    PyObject *text, *sentences, *word_kinds, *table_object, *expansions;
    if (!PyArg_ParseTuple(args, "UOOOO!:rule_stems", &text, &sentences, &word_kinds, &table_object, &PyDict_Type,
                          &expansions)) {
        return NULL;
    }
    if (!PyAnySet_Check(word_kinds)) {
        PyErr_SetString(PyExc_TypeError, "rule_stems: word_kinds must be a set");
        return NULL;
    }
    Py_buffer table;
    if (take_buffer(table_object, &table, 0, "rule_stems", "table") < 0) {
        return NULL;
    }
    PyObject *all = NULL, *out = NULL;
    if (!format_is(&table, "IL", 4) || table.ndim != 1 || table.shape[0] != VIEW_TABLE) {
        PyErr_SetString(PyExc_ValueError, "rule_stems: table must be 65,536 uint32");
    } else {
        all = PySequence_Fast(sentences, "rule_stems: sentences must be a sequence");
    }
    out = all ? PyList_New(PySequence_Fast_GET_SIZE(all)) : NULL;
    Py_UCS4 *buffer = NULL;
    Py_ssize_t room = 0;
    for (Py_ssize_t r = 0; out != NULL && r < PySequence_Fast_GET_SIZE(all); r++) {
        set_or_drop(&out, r, sentence_stems(text, PySequence_Fast_GET_ITEM(all, r), word_kinds, table.buf, expansions,
                                            &buffer, &room));
    }
    PyMem_Free(buffer);
    Py_XDECREF(all);
    PyBuffer_Release(&table);
    return out;
}

static PyMethodDef methods[] = {
    {"rule_stems", rule_stems, METH_VARARGS,
     "rule_stems(text, sentences, word_kinds, table, expansions): each word token's stem in the search view."},
    {"extra_emissions", extra_emissions, METH_VARARGS,
     "extra_emissions(extras, attributes, state, start, stop, static, out): a pass's static scores plus its extras'."},
    {"second_pass_attributes", second_pass_attributes, METH_VARARGS,
     "second_pass_attributes(sentences, labels, window): each token's second-pass attributes (tuples of str)."},
    {"normal_serials", normal_serials, METH_VARARGS,
     "normal_serials(sentences, rows, serials) -> (forms, missing): tokens' normal forms and serials (-1: missing)."},
    {"static_sums", static_sums, METH_VARARGS,
     "static_sums(forms, lengths, serials, ids, uses, table, window, edges, before, after, attributes, out): "
     "each token's static emission scores into out."},
    {"word_features", word_features, METH_VARARGS,
     "word_features(token, clusters, gazetteer, ranks, silver): the token's static CRF features (no n-grams)."},
    {"summed_rows", summed_rows, METH_VARARGS,
     "summed_rows(clusters, gazetteer, ranks, silver, tokens, slots, table, used, ids): new tokens' rows summed "
     "into table from used on, their ids written; returns the new used."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_features", "Compiled static CRF features for khabar's NER (optional speed-up).", -1, methods,
};

PyMODINIT_FUNC PyInit__features(void) {
    if (load_normal_form() < 0 || make_names() < 0 || make_context_names() < 0) {
        return NULL;
    }
    return PyModule_Create(&module);
}
