/* The tokeniser's hot loop in C: cut the text into whitespace-separated chunks, look each up in the chunk
 * memo, and place the chunk's tokens at its offset. segmenter.py does the same in Python when this
 * optional module was not built (no C compiler at install); both give the same tokens.
 *
 * lay_out(text, cache, resolve, token_type) -> tuple of token_type
 *   text        str
 *   cache       an object whose `recent` attribute is a dict: chunk -> its tokens relative to the chunk,
 *               each a tuple (start, end, kind, stem_start, stem_end); read again after every `resolve`
 *   resolve     callable(chunk) -> the same tuple of tuples, for a chunk not in `cache.recent`
 *   token_type  a tuple subclass of five fields (khabar.model.Token)
 *
 * Chunks are maximal runs of characters that are not whitespace by Py_UNICODE_ISSPACE, the test behind the
 * `\s` of Python's re module, so they are exactly the matches of re.compile(r"\S+").
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

static PyObject *lay_out(PyObject *self, PyObject *args) {
    PyObject *text, *cache, *resolve, *type;
    if (!PyArg_ParseTuple(args, "UOOO:lay_out", &text, &cache, &resolve, &type)) {
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
            relative = PyObject_CallOneArg(resolve, chunk);
            if (relative != NULL) { /* resolve may have turned the memo's generations over */
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
     "lay_out(text, cache, resolve, token_type): the tokens of text, chunk by chunk through the chunk memo."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_layout", "Compiled tokeniser loop for khabar's segmenter (optional speed-up).", -1, methods,
};

PyMODINIT_FUNC PyInit__layout(void) {
    return PyModule_Create(&module);
}
