/* A new word form's static CRF features in C: FeatureExtractor.word_features (features.py) for a model without
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
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define MIN_STEM 2    /* normalise.MIN_STEM: a clitic is stripped only while more than MIN_STEM + 1 letters remain */
#define LONG_WORD 8   /* features.LONG_WORD */
#define MAX_FORMS 4   /* the most stem candidates a word has */
#define SLOT_BITS 3   /* crf.SLOT_BITS: a pair is row << SLOT_BITS | slot */
#define MAX_SLOTS (1 << SLOT_BITS)

enum { ALEF = 0x0627, BEH = 0x0628, FEH = 0x0641, KAF = 0x0643, LAM = 0x0644, WAW = 0x0648 };

/* normalise.normalise of one character: its normal form, or 0 when it is deleted. */
static Py_UCS4 normal_char(Py_UCS4 c) {
    if ((c >= 0x064B && c <= 0x0652) || c == 0x0670 || c == 0x0640) {
        return 0; /* diacritics, superscript alef, tatweel */
    }
    switch (c) {
    case 0x0623: case 0x0625: case 0x0622: case 0x0671: return ALEF;
    case 0x0649: case 0x06CC: return 0x064A; /* alef maqsura, Persian yeh -> yeh */
    case 0x0629: return 0x0647;              /* ta marbuta -> heh */
    case 0x06A9: return KAF;                 /* Persian keheh */
    default: break;
    }
    if (c >= 0x0660 && c <= 0x0669) {
        return '0' + (c - 0x0660);
    }
    if (c >= 0x06F0 && c <= 0x06F9) {
        return '0' + (c - 0x06F0);
    }
    return c;
}

static PyObject *normal_form(PyObject *token) {
    Py_ssize_t length = PyUnicode_GET_LENGTH(token);
    Py_UCS4 *chars = PyMem_Malloc((length + 1) * sizeof(Py_UCS4));
    if (chars == NULL) {
        return PyErr_NoMemory();
    }
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < length; i++) {
        Py_UCS4 c = normal_char(PyUnicode_READ_CHAR(token, i));
        if (c) {
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
} names;

static int make_names(void) {
    static const char *shapes[] = {"arabic", "latin", "digit", "punct", "mixed"};
    static const char *bands[] = {"1000", "10000", "50000", "rare"};
    PyObject **plain[] = {&names.bias, &names.longword, &names.w, &names.st, &names.pre, &names.sh, &names.g,
                          &names.sv, &names.fb, &names.oov, &names.tab};
    const char *texts[] = {"bias", "long", "w=", "st=", "pre=", "sh=", "g=", "sv=", "fb=", "oov", "\t"};
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

static int writable_buffer(PyObject *object, Py_buffer *view, const char *name) {
    if (PyObject_GetBuffer(object, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | PyBUF_WRITABLE) < 0) {
        PyErr_Format(PyExc_TypeError, "summed_rows: %s must be a C-contiguous writable buffer", name);
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
    if (writable_buffer(table_object, &table, "table") < 0) {
        return NULL;
    }
    if (writable_buffer(ids_object, &ids, "ids") < 0) {
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

static PyMethodDef methods[] = {
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
    if (make_names() < 0) {
        return NULL;
    }
    return PyModule_Create(&module);
}
