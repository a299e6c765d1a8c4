/* The tokeniser's hot loop in C: cut the text into whitespace-separated chunks, look each up in the chunk
 * memo, and place the chunk's tokens at its offset. segmenter.tokenise(compiled=False) does the same in Python,
 * the reference the tests hold this loop to: the same tokens and the same memo.
 *
 * lay_out(text, cache, resolve, token_type, rules) -> tuple of token_type
 *   text        str
 *   cache       a RecentCache: its `recent` attribute is a dict, chunk -> its tokens relative to the chunk,
 *               each a tuple (start, end, kind, stem_start, stem_end); read again after every call into Python;
 *               its `get` and `put` methods reach the older generation and remember a new chunk
 *   resolve     callable(chunk) -> the same tuple of tuples, for a chunk not in `cache.recent`
 *   token_type  a tuple subclass of five fields (khabar.model.Token)
 *   rules       None, or the clitic splitter's data (segmenter.split_rules: its vocabulary and thresholds, and
 *               clitics.CLITIC_RULES and tokens.GLUED_MARKS, the rules as data: no letter, suffix or length of
 *               them is written here): then a new chunk that is one word of plain Arabic letters, bare or with
 *               one glued mark on either side ("الموصل،", "«نحن"), is split here instead of by `resolve` (news
 *               meets a few dozen new words in every article)
 *
 * Chunks are maximal runs of characters that are not whitespace by Py_UNICODE_ISSPACE, the test behind the
 * `\s` of Python's re module, so they are exactly the matches of re.compile(r"\S+").
 *
 * split_word(word, rules) -> (stem_start, stem_end) is the splitting alone, for the tests that hold it to
 * CliticSplitter.split (clitics.py), the reference this code mirrors rule for rule.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *recent_of(PyObject *cache) {
    PyObject *recent = PyObject_GetAttrString(cache, "recent");
    if (recent != NULL && !PyDict_Check(recent)) {
        Py_DECREF(recent);
        PyErr_SetString(PyExc_TypeError, "lay_out: cache.recent must be a dict");
        return NULL;
    }
    return recent;
}

/* The offsets of one chunk's tokens as int objects: an offset repeats often (a stem starts where its word
 * does, a full stop where the word before it ends), and the repeats share one object. */
typedef struct {
    Py_ssize_t values[8];
    PyObject *objects[8]; /* borrowed from the tokens made so far */
    int count;
} Offsets;

/* offset + the int `number` (relative to the chunk), as a new reference */
static PyObject *shifted(Offsets *made, PyObject *number, Py_ssize_t offset) {
    Py_ssize_t value = PyLong_AsSsize_t(number);
    if (value == -1 && PyErr_Occurred()) {
        return NULL;
    }
    value += offset;
    for (int i = 0; i < made->count; i++) {
        if (made->values[i] == value) {
            Py_INCREF(made->objects[i]);
            return made->objects[i];
        }
    }
    PyObject *object = PyLong_FromSsize_t(value);
    if (object != NULL) {
        int slot = made->count < 8 ? made->count++ : 7;
        made->values[slot] = value;
        made->objects[slot] = object;
    }
    return object;
}

/* Append the tokens of one chunk (relative: a tuple of 5-tuples) at `offset` to `out`. */
static int place(PyObject *relative, Py_ssize_t offset, PyTypeObject *token_type, PyObject *out) {
    if (!PyTuple_Check(relative)) {
        PyErr_SetString(PyExc_TypeError, "lay_out: a chunk's tokens must be a tuple");
        return -1;
    }
    Offsets made = {.count = 0};
    Py_ssize_t count = PyTuple_GET_SIZE(relative);
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *fields = PyTuple_GET_ITEM(relative, i);
        if (!PyTuple_Check(fields) || PyTuple_GET_SIZE(fields) != 5) {
            PyErr_SetString(PyExc_TypeError, "lay_out: each token must be a tuple of 5 fields");
            return -1;
        }
        PyObject *token = token_type->tp_alloc(token_type, 5);
        if (token == NULL) {
            return -1;
        }
        for (Py_ssize_t field = 0; field < 5; field++) {
            PyObject *value = PyTuple_GET_ITEM(fields, field);
            if (field == 2) { /* the kind: shared, not shifted */
                Py_INCREF(value);
            } else if ((value = shifted(&made, value, offset)) == NULL) {
                Py_DECREF(token);
                return -1;
            }
            PyTuple_SET_ITEM(token, field, value);
        }
        int failed = PyList_Append(out, token);
        Py_DECREF(token); /* the list holds it, and with it the ints that `made` borrows */
        if (failed) {
            return -1;
        }
    }
    return 0;
}

/* ---- the clitic splitter for words of plain Arabic letters (clitics.py: CliticSplitter.split) ---- */

#define MAX_WORD 64      /* longer words (none in news) go to the Python path */
#define MAX_LETTERS 16   /* the most letters of one class of the rules (clitic letters, suffixes, marks) */
#define MAX_SUFFIXES 16
#define MAX_SUFFIX 4

/* A plain Arabic letter: hamza to ghain, feh to yeh. No mark, tatweel or joiner, so the word is its own
 * light form (normalise.light_form) and every offset in it is raw. (The C path's own domain: other words go
 * to the Python splitter.) */
static int is_plain_letter(Py_UCS4 c) {
    return (c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A);
}

/* A class of letters from a str of the rules. */
typedef struct {
    Py_UCS4 letters[MAX_LETTERS];
    Py_ssize_t count;
} Letters;

static int has(const Letters *set, Py_UCS4 c) {
    for (Py_ssize_t i = 0; i < set->count; i++) {
        if (set->letters[i] == c) {
            return 1;
        }
    }
    return 0;
}

/* The splitter's data from segmenter.split_rules: (vocab, never_split, ratio, min_count, word_kind, punct_kind,
 * clitics, glued), clitics being clitics.CLITIC_RULES: (conjunctions, particles, future, imperfect prefixes,
 * article, suffixes, feminine, min_stem, min_definite_stem, definite_dominance), and glued tokens' glued marks. */
typedef struct {
    PyObject *vocab;       /* dict: light form -> corpus count */
    PyObject *never_split; /* frozenset of words never split */
    double ratio;
    long long min_count;
    PyObject *word_kind, *punct_kind;
    Letters conjunctions, particles, imperfect, glued;
    Py_UCS4 future, article[2], feminine[2]; /* feminine: the ت written for a ة before a suffix, and the ة */
    Py_UCS4 suffixes[MAX_SUFFIXES][MAX_SUFFIX];
    Py_ssize_t suffix_lengths[MAX_SUFFIXES], suffix_count;
    Letters finals;        /* the last letters of the suffixes */
    Py_ssize_t min_stem, min_definite_stem;
    long long dominance;
} Rules;

/* The letters of `text` (at most `limit`) into `out`; -1 with TypeError when it is not a str or too long. */
static int letters_of(PyObject *text, Py_UCS4 *out, Py_ssize_t limit, Py_ssize_t *count, const char *what) {
    if (!PyUnicode_Check(text) || PyUnicode_GET_LENGTH(text) > limit) {
        PyErr_Format(PyExc_TypeError, "rules: %s must be a str of at most %zd letters", what, limit);
        return -1;
    }
    *count = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t i = 0; i < *count; i++) {
        out[i] = PyUnicode_READ_CHAR(text, i);
    }
    return 0;
}

/* A str of exactly `length` letters into out. */
static int exactly(PyObject *text, Py_UCS4 *out, Py_ssize_t length, const char *what) {
    Py_ssize_t count;
    if (letters_of(text, out, length, &count, what) < 0) {
        return -1;
    }
    if (count != length) {
        PyErr_Format(PyExc_TypeError, "rules: %s must be %zd letters", what, length);
        return -1;
    }
    return 0;
}

static int suffixes_of(PyObject *tuple, Rules *rules) {
    if (!PyTuple_Check(tuple) || PyTuple_GET_SIZE(tuple) > MAX_SUFFIXES) {
        PyErr_SetString(PyExc_TypeError, "rules: suffixes must be a tuple of at most 16 str");
        return -1;
    }
    rules->suffix_count = PyTuple_GET_SIZE(tuple);
    rules->finals.count = 0;
    for (Py_ssize_t i = 0; i < rules->suffix_count; i++) {
        Py_ssize_t *length = &rules->suffix_lengths[i];
        if (letters_of(PyTuple_GET_ITEM(tuple, i), rules->suffixes[i], MAX_SUFFIX, length, "a suffix") < 0) {
            return -1;
        }
        if (*length == 0) {
            PyErr_SetString(PyExc_TypeError, "rules: a suffix is empty");
            return -1;
        }
        Py_UCS4 final = rules->suffixes[i][*length - 1];
        if (!has(&rules->finals, final)) {
            rules->finals.letters[rules->finals.count++] = final;
        }
    }
    return 0;
}

static int clitics_of(PyObject *tuple, Rules *rules) {
    if (!PyTuple_Check(tuple) || PyTuple_GET_SIZE(tuple) != 10) {
        PyErr_SetString(PyExc_TypeError, "rules: the clitic rules must be a tuple of 10 (clitics.CLITIC_RULES)");
        return -1;
    }
    PyObject **item = &PyTuple_GET_ITEM(tuple, 0);
    if (letters_of(item[0], rules->conjunctions.letters, MAX_LETTERS, &rules->conjunctions.count, "conjunctions") < 0
        || letters_of(item[1], rules->particles.letters, MAX_LETTERS, &rules->particles.count, "particles") < 0
        || exactly(item[2], &rules->future, 1, "future") < 0
        || letters_of(item[3], rules->imperfect.letters, MAX_LETTERS, &rules->imperfect.count, "imperfect prefixes") < 0
        || exactly(item[4], rules->article, 2, "article") < 0 || suffixes_of(item[5], rules) < 0
        || exactly(item[6], rules->feminine, 2, "feminine") < 0) {
        return -1;
    }
    rules->min_stem = PyLong_AsSsize_t(item[7]);
    rules->min_definite_stem = PyLong_AsSsize_t(item[8]);
    rules->dominance = PyLong_AsLongLong(item[9]);
    if (PyErr_Occurred()) {
        return -1;
    }
    if (rules->min_stem < 1 || rules->min_definite_stem < 1) {
        PyErr_SetString(PyExc_ValueError, "rules: the minimum stems must be at least 1");
        return -1;
    }
    return 0;
}

static int rules_of(PyObject *tuple, Rules *rules) {
    if (!PyTuple_Check(tuple) || PyTuple_GET_SIZE(tuple) != 8) {
        PyErr_SetString(PyExc_TypeError,
                        "rules must be (vocab, never_split, ratio, min_count, word_kind, punct_kind, clitics, glued)");
        return -1;
    }
    rules->vocab = PyTuple_GET_ITEM(tuple, 0);
    rules->never_split = PyTuple_GET_ITEM(tuple, 1);
    if (!PyDict_Check(rules->vocab) || !PyAnySet_Check(rules->never_split)) {
        PyErr_SetString(PyExc_TypeError, "rules: vocab must be a dict and never_split a set");
        return -1;
    }
    rules->ratio = PyFloat_AsDouble(PyTuple_GET_ITEM(tuple, 2));
    rules->min_count = PyLong_AsLongLong(PyTuple_GET_ITEM(tuple, 3));
    if (PyErr_Occurred()) {
        return -1;
    }
    rules->word_kind = PyTuple_GET_ITEM(tuple, 4);
    rules->punct_kind = PyTuple_GET_ITEM(tuple, 5);
    if (clitics_of(PyTuple_GET_ITEM(tuple, 6), rules) < 0) {
        return -1;
    }
    return letters_of(PyTuple_GET_ITEM(tuple, 7), rules->glued.letters, MAX_LETTERS, &rules->glued.count, "glued marks");
}

/* The corpus count of the letters w[0:n] (0 when unknown); -1 with an exception set on failure. */
static long long count_of(const Rules *rules, const Py_UCS2 *w, Py_ssize_t n) {
    PyObject *key = PyUnicode_FromKindAndData(PyUnicode_2BYTE_KIND, w, n);
    if (key == NULL) {
        return -1;
    }
    PyObject *value = PyDict_GetItemWithError(rules->vocab, key); /* borrowed */
    Py_DECREF(key);
    if (value == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    long long count = PyLong_AsLongLong(value);
    if (count < 0 && !PyErr_Occurred()) {
        PyErr_SetString(PyExc_ValueError, "rules: a vocabulary count is negative");
    }
    return PyErr_Occurred() ? -1 : count;
}

/* CliticSplitter._is_word: 1 or 0, -1 on failure. */
static int is_word(const Rules *rules, const Py_UCS2 *w, Py_ssize_t n, long long whole) {
    long long count = count_of(rules, w, n);
    if (count < 0) {
        return -1;
    }
    return count >= rules->min_count && (double)(count + 1) >= rules->ratio * (double)(whole + 1);
}

/* clitics.article_length: 2 for the article at the start of rest[0:n], 1 for the lam left of it after the
 * preposition lam (after_lam), else 0; min_definite_stem letters must remain. */
static Py_ssize_t article_length(const Rules *rules, const Py_UCS2 *rest, Py_ssize_t n, int after_lam) {
    Py_UCS4 lam = rules->article[1];
    Py_ssize_t length = after_lam && n >= 1 && rest[0] == lam ? 1
                        : n >= 2 && rest[0] == rules->article[0] && rest[1] == lam ? 2 : 0;
    return length && n - length >= rules->min_definite_stem ? length : 0;
}

/* CliticSplitter._is_definite_rest, after _is_word failed on the rest: 1 or 0, -1 on failure. */
static int is_definite_rest(const Rules *rules, Py_UCS2 clitic, const Py_UCS2 *rest, Py_ssize_t n, long long whole) {
    Py_UCS4 lam = rules->article[1];
    Py_ssize_t article = article_length(rules, rest, n, clitic == lam);
    if (article == 1) { /* lam + the article writes lam lam: the rest with its alef back */
        Py_UCS2 restored[MAX_WORD + 1];
        restored[0] = (Py_UCS2)rules->article[0];
        memcpy(restored + 1, rest, n * sizeof(Py_UCS2));
        long long count = count_of(rules, restored, n + 1);
        return count < 0 ? -1 : count >= rules->min_count;
    }
    if (article != 2 || clitic == lam || clitic == rules->future) {
        return 0;
    }
    long long count = count_of(rules, rest, n);
    return count < 0 ? -1 : whole <= rules->dominance * count + rules->dominance;
}

/* CliticSplitter._prefix_length over clitics.proclitic_lengths: the length of the prefix to split off w[0:n]
 * (n >= min_stem); -1 on failure. */
static Py_ssize_t prefix_length(const Rules *rules, const Py_UCS2 *w, Py_ssize_t n) {
    int conjunction = has(&rules->conjunctions, w[0]);
    int particle_at_1 = n > 1 && has(&rules->particles, w[1]);
    if (!conjunction && !has(&rules->particles, w[0])) {
        return 0;
    }
    long long whole = count_of(rules, w, n);
    if (whole < 0) {
        return -1;
    }
    Py_ssize_t candidates[2] = {conjunction && particle_at_1 ? 2 : 0, 1}; /* longest first */
    for (int i = 0; i < 2; i++) {
        Py_ssize_t p = candidates[i];
        if (p == 0 || n - p < rules->min_stem) {
            continue;
        }
        const Py_UCS2 *rest = w + p;
        Py_UCS2 last = w[p - 1];
        if (last == rules->future && !has(&rules->imperfect, rest[0])) {
            continue; /* the future prefix only before an imperfect verb */
        }
        int found = is_word(rules, rest, n - p, whole);
        if (found == 0) {
            found = is_definite_rest(rules, last, rest, n - p, whole);
        }
        if (found != 0) {
            return found < 0 ? -1 : p;
        }
    }
    return 0;
}

/* CliticSplitter._suffix_length: the length of the pronoun suffix to split off the stem w[0:n]; -1 on failure. */
static Py_ssize_t suffix_length(const Rules *rules, const Py_UCS2 *w, Py_ssize_t n) {
    if (n == 0 || (n >= 2 && w[0] == rules->article[0] && w[1] == rules->article[1])) {
        return 0; /* a definite noun takes no possessive pronoun */
    }
    if (!has(&rules->finals, w[n - 1])) {
        return 0;
    }
    long long whole = count_of(rules, w, n);
    if (whole < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < rules->suffix_count; i++) {
        Py_ssize_t s = rules->suffix_lengths[i];
        Py_ssize_t base = n - s;
        int same = base >= rules->min_stem;
        for (Py_ssize_t j = 0; same && j < s; j++) {
            same = w[base + j] == rules->suffixes[i][j];
        }
        if (!same) {
            continue;
        }
        int found = is_word(rules, w, base, whole);
        if (found == 0 && w[base - 1] == rules->feminine[0]) { /* a feminine noun's ending written before a suffix */
            Py_UCS2 feminine[MAX_WORD];
            memcpy(feminine, w, base * sizeof(Py_UCS2));
            feminine[base - 1] = (Py_UCS2)rules->feminine[1];
            found = is_word(rules, feminine, base, whole);
        }
        if (found != 0) {
            return found < 0 ? -1 : s;
        }
    }
    return 0;
}

/* CliticSplitter.split for a word of n plain letters w (its str object: word): stem offsets, 0 on success. */
static int split_letters(const Rules *rules, PyObject *word, const Py_UCS2 *w, Py_ssize_t n,
                         Py_ssize_t *stem_start, Py_ssize_t *stem_end) {
    *stem_start = 0;
    *stem_end = n;
    if (n < rules->min_stem) {
        return 0;
    }
    int never = PySet_Contains(rules->never_split, word);
    if (never != 0) {
        return never < 0 ? -1 : 0;
    }
    Py_ssize_t prefix = prefix_length(rules, w, n);
    if (prefix < 0) {
        return -1;
    }
    Py_ssize_t suffix = suffix_length(rules, w + prefix, n - prefix);
    if (suffix < 0) {
        return -1;
    }
    *stem_start = prefix;
    *stem_end = n - suffix;
    return 0;
}

/* Copy text[start:end] into w when every character is a plain letter (and there are at most MAX_WORD). */
static int plain_letters(int kind, const void *data, Py_ssize_t start, Py_ssize_t end, Py_UCS2 *w) {
    if (end <= start || end - start > MAX_WORD) {
        return 0;
    }
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (!is_plain_letter(c)) {
            return 0;
        }
        w[i - start] = (Py_UCS2)c;
    }
    return 1;
}

static PyObject *split_word(PyObject *self, PyObject *args) {
    PyObject *word, *rules_tuple;
    Rules rules;
    if (!PyArg_ParseTuple(args, "UO:split_word", &word, &rules_tuple) || rules_of(rules_tuple, &rules) < 0) {
        return NULL;
    }
    Py_UCS2 w[MAX_WORD];
    Py_ssize_t n = PyUnicode_GET_LENGTH(word);
    if (!plain_letters(PyUnicode_KIND(word), PyUnicode_DATA(word), 0, n, w)) {
        PyErr_SetString(PyExc_ValueError, "split_word: only words of plain Arabic letters (at most 64)");
        return NULL;
    }
    Py_ssize_t stem_start, stem_end;
    if (split_letters(&rules, word, w, n, &stem_start, &stem_end) < 0) {
        return NULL;
    }
    return Py_BuildValue("(nn)", stem_start, stem_end);
}

/* ---- new chunks of one word, bare or with a mark glued on, tokenised here (segmenter._tokenise_chunk) ---- */

/* The token tuple (start, end, kind, stem_start, stem_end) */
static PyObject *token_fields(Py_ssize_t start, Py_ssize_t end, PyObject *kind, Py_ssize_t stem_start, Py_ssize_t stem_end) {
    return Py_BuildValue("(nnOnn)", start, end, kind, stem_start, stem_end);
}

/* A cached word's stem offsets, from its first token's fields: 0 on success. */
static int cached_stem(PyObject *relative, Py_ssize_t *stem_start, Py_ssize_t *stem_end) {
    if (!PyTuple_Check(relative) || PyTuple_GET_SIZE(relative) < 1 || !PyTuple_Check(PyTuple_GET_ITEM(relative, 0))
        || PyTuple_GET_SIZE(PyTuple_GET_ITEM(relative, 0)) != 5) {
        PyErr_SetString(PyExc_TypeError, "lay_out: a chunk's tokens must be a tuple of 5-tuples");
        return -1;
    }
    PyObject *fields = PyTuple_GET_ITEM(relative, 0);
    *stem_start = PyLong_AsSsize_t(PyTuple_GET_ITEM(fields, 3));
    *stem_end = PyLong_AsSsize_t(PyTuple_GET_ITEM(fields, 4));
    return PyErr_Occurred() ? -1 : 0;
}

/* cache.get(key) as a new reference (None when absent), or NULL on failure. */
static PyObject *cache_get(PyObject *cache, PyObject *key) {
    static PyObject *name = NULL;
    if (name == NULL && (name = PyUnicode_InternFromString("get")) == NULL) {
        return NULL;
    }
    return PyObject_CallMethodOneArg(cache, name, key);
}

/* cache.put(key, value): 0 on success. */
static int cache_put(PyObject *cache, PyObject *key, PyObject *value) {
    static PyObject *name = NULL;
    if (name == NULL && (name = PyUnicode_InternFromString("put")) == NULL) {
        return -1;
    }
    PyObject *result = PyObject_CallMethodObjArgs(cache, name, key, value, NULL);
    Py_XDECREF(result);
    return result == NULL ? -1 : 0;
}

/* The tokens of the bare word w (n plain letters; its str object: word), split here; NULL on failure. */
static PyObject *split_relative(const Rules *rules, PyObject *word, const Py_UCS2 *w, Py_ssize_t n) {
    Py_ssize_t stem_start, stem_end;
    if (split_letters(rules, word, w, n, &stem_start, &stem_end) < 0) {
        return NULL;
    }
    PyObject *fields = token_fields(0, n, rules->word_kind, stem_start, stem_end);
    PyObject *relative = fields ? PyTuple_Pack(1, fields) : NULL;
    Py_XDECREF(fields);
    return relative;
}

/* The tokens of the bare word `word` (n plain letters w), from the memo or split and remembered, as
 * segmenter._word_tokens does; NULL on failure. */
static PyObject *word_relative(const Rules *rules, PyObject *cache, PyObject *word, const Py_UCS2 *w, Py_ssize_t n) {
    PyObject *recent = recent_of(cache);
    if (recent == NULL) {
        return NULL;
    }
    PyObject *relative = PyDict_GetItemWithError(recent, word);
    Py_XINCREF(relative);
    Py_DECREF(recent);
    if (relative != NULL || PyErr_Occurred()) {
        return relative;
    }
    relative = cache_get(cache, word); /* the older generation */
    if (relative != Py_None) {
        return relative;
    }
    Py_DECREF(relative);
    relative = split_relative(rules, word, w, n);
    if (relative != NULL && cache_put(cache, word, relative) < 0) {
        Py_DECREF(relative);
        return NULL;
    }
    return relative;
}

/* The tokens of a chunk of `length` characters whose word, at [start, end), has the tokens `word` (relative to
 * the word): a one-character mark before it when start is 1, after it when end < length
 * (segmenter._marked_word). */
static PyObject *marked_relative(const Rules *rules, PyObject *word, Py_ssize_t start, Py_ssize_t end, Py_ssize_t length) {
    Py_ssize_t stem_start, stem_end;
    if (cached_stem(word, &stem_start, &stem_end) < 0) {
        return NULL;
    }
    PyObject *parts[3];
    Py_ssize_t count = 0;
    if (start) {
        parts[count++] = token_fields(0, 1, rules->punct_kind, 0, 1);
    }
    parts[count++] = token_fields(start, end, rules->word_kind, start + stem_start, start + stem_end);
    if (end < length) {
        parts[count++] = token_fields(end, end + 1, rules->punct_kind, end, end + 1);
    }
    PyObject *relative = PyTuple_New(count);
    for (Py_ssize_t i = 0; i < count; i++) {
        if (parts[i] == NULL || relative == NULL) {
            Py_XDECREF(parts[i]);
            Py_CLEAR(relative);
        } else {
            PyTuple_SET_ITEM(relative, i, parts[i]);
        }
    }
    return relative;
}

/* The tokens of a new chunk when it is one word of plain letters with at most one glued mark
 * on either side, remembered in the memo as segmenter._resolve would; Py_None (a new reference) when the
 * chunk is of another shape, for `resolve` to work out; NULL on failure. */
static PyObject *word_chunk(const Rules *rules, PyObject *cache, PyObject *chunk) {
    int kind = PyUnicode_KIND(chunk);
    const void *data = PyUnicode_DATA(chunk);
    Py_ssize_t length = PyUnicode_GET_LENGTH(chunk);
    Py_ssize_t start = has(&rules->glued, PyUnicode_READ(kind, data, 0));
    Py_ssize_t end = length - (length - start > 1 && has(&rules->glued, PyUnicode_READ(kind, data, length - 1)));
    Py_UCS2 w[MAX_WORD];
    if (!plain_letters(kind, data, start, end, w)) {
        Py_RETURN_NONE;
    }
    PyObject *relative = cache_get(cache, chunk); /* the older generation may hold it */
    if (relative != Py_None) {
        return relative;
    }
    Py_DECREF(relative);
    if (start == 0 && end == length) { /* a bare word (segmenter: ARABIC_WORD) */
        relative = split_relative(rules, chunk, w, length);
    } else { /* a word with marks glued on (segmenter: MARKED_WORD), its word looked up as a chunk of its own */
        PyObject *word = PyUnicode_Substring(chunk, start, end);
        PyObject *tokens = word ? word_relative(rules, cache, word, w, end - start) : NULL;
        Py_XDECREF(word);
        relative = tokens ? marked_relative(rules, tokens, start, end, length) : NULL;
        Py_XDECREF(tokens);
    }
    if (relative != NULL && cache_put(cache, chunk, relative) < 0) {
        Py_CLEAR(relative);
    }
    return relative;
}

static PyObject *lay_out(PyObject *self, PyObject *args) {
    PyObject *text, *cache, *resolve, *type, *rules_tuple = Py_None;
    Rules rules;
    if (!PyArg_ParseTuple(args, "UOOO|O:lay_out", &text, &cache, &resolve, &type, &rules_tuple)) {
        return NULL;
    }
    int fast = rules_tuple != Py_None;
    if (fast && rules_of(rules_tuple, &rules) < 0) {
        return NULL;
    }
    if (!PyType_Check(type) || !PyType_IsSubtype((PyTypeObject *)type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "lay_out: token_type must be a tuple subclass");
        return NULL;
    }
    PyTypeObject *token_type = (PyTypeObject *)type;
    PyObject *recent = recent_of(cache);
    if (recent == NULL) {
        return NULL;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        Py_DECREF(recent);
        return NULL;
    }
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t at = 0;
    while (at < length) {
        while (at < length && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, at))) {
            at++;
        }
        if (at == length) {
            break;
        }
        Py_ssize_t start = at;
        while (at < length && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, at))) {
            at++;
        }
        PyObject *chunk = PyUnicode_Substring(text, start, at);
        if (chunk == NULL) {
            goto error;
        }
        PyObject *relative = PyDict_GetItemWithError(recent, chunk); /* borrowed */
        if (relative != NULL) {
            Py_INCREF(relative);
        } else if (!PyErr_Occurred()) {
            relative = fast ? word_chunk(&rules, cache, chunk) : Py_NewRef(Py_None);
            if (relative == Py_None) {
                Py_SETREF(relative, PyObject_CallOneArg(resolve, chunk));
            }
            if (relative != NULL) { /* a new chunk may have turned the memo's generations over */
                Py_SETREF(recent, recent_of(cache));
                if (recent == NULL) {
                    Py_DECREF(relative);
                    Py_DECREF(chunk);
                    Py_DECREF(out);
                    return NULL;
                }
            }
        }
        Py_DECREF(chunk);
        if (relative == NULL) {
            goto error;
        }
        int failed = place(relative, start, token_type, out);
        Py_DECREF(relative);
        if (failed) {
            goto error;
        }
    }
    Py_DECREF(recent);
    PyObject *tokens = PyList_AsTuple(out);
    Py_DECREF(out);
    return tokens;
error:
    Py_DECREF(recent);
    Py_DECREF(out);
    return NULL;
}

static PyMethodDef methods[] = {
    {"lay_out", lay_out, METH_VARARGS,
     "lay_out(text, cache, resolve, token_type, rules=None): the tokens of text, chunk by chunk through the chunk memo."},
    {"split_word", split_word, METH_VARARGS,
     "split_word(word, rules): (stem_start, stem_end) of a word of plain Arabic letters, as CliticSplitter.split."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_layout", "Compiled tokeniser loop for khabar's segmenter.", -1, methods,
};

PyMODINIT_FUNC PyInit__layout(void) {
    return PyModule_Create(&module);
}
