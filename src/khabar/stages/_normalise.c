/* The normalised view in C: each character stays, becomes one other character, is deleted, or (a presentation
 * form) becomes the letters it stands for, by one look-up in the code-point table that normalise.py builds
 * (CODE_MAP). normalise.py does the same with numpy and, for presentation forms, character by character when
 * this optional module was not built (no C compiler at install); all give the same view and map back.
 *
 * view(text, table, expansions) -> (view, starts, ends)
 *   text        str
 *   table       a buffer of 65,536 native uint32: a BMP code point's view code point, 0xFFFFFFFF when the
 *               character is deleted, 0xFFFFFFFE for a presentation form; code points beyond the BMP stay
 *   expansions  dict: a presentation form's code point -> its view (a str, maybe empty)
 *   view        the view text; starts, ends: bytes of native int64, the raw range of each view character.
 *               A deleted character extends the range of the view character before it; leading deleted
 *               characters belong to the first one; the letters of one presentation form share its range.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define TABLE_SIZE 0x10000
#define DELETED 0xFFFFFFFFu
#define EXPANDS 0xFFFFFFFEu

/* The view being built: its code points and each one's raw range. */
typedef struct {
    uint32_t *codes;
    int64_t *starts, *ends;
    Py_ssize_t count, capacity;
    Py_UCS4 maxchar;
} View;

/* Room for at least `capacity` view characters (a text's view is seldom longer than the text). */
static int reserve(View *view, Py_ssize_t capacity) {
    uint32_t *codes = PyMem_Realloc(view->codes, capacity * sizeof(uint32_t));
    if (codes != NULL) {
        view->codes = codes;
    }
    int64_t *starts = codes ? PyMem_Realloc(view->starts, capacity * sizeof(int64_t)) : NULL;
    if (starts != NULL) {
        view->starts = starts;
    }
    int64_t *ends = starts ? PyMem_Realloc(view->ends, capacity * sizeof(int64_t)) : NULL;
    if (ends == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    view->ends = ends;
    view->capacity = capacity;
    return 0;
}

static int push(View *view, Py_UCS4 code, int64_t start, int64_t end) {
    if (view->count == view->capacity && reserve(view, view->capacity * 2 + 16) < 0) {
        return -1;
    }
    view->codes[view->count] = code;
    view->starts[view->count] = start;
    view->ends[view->count++] = end;
    view->maxchar = code > view->maxchar ? code : view->maxchar;
    return 0;
}

/* The letters of the presentation form `code` (raw position i), each with the form's range. */
static int expand(View *view, PyObject *expansions, Py_UCS4 code, Py_ssize_t i, int64_t start) {
    PyObject *key = PyLong_FromUnsignedLong(code);
    PyObject *letters = key ? PyDict_GetItemWithError(expansions, key) : NULL; /* borrowed */
    Py_XDECREF(key);
    if (letters == NULL || !PyUnicode_Check(letters)) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_ValueError, "view: no expansion (a str) for U+%04X", (unsigned)code);
        }
        return -1;
    }
    Py_ssize_t length = PyUnicode_GET_LENGTH(letters);
    if (length == 0 && view->count) { /* expands to nothing: deleted */
        view->ends[view->count - 1] = i + 1;
    }
    for (Py_ssize_t j = 0; j < length; j++) {
        if (push(view, PyUnicode_READ_CHAR(letters, j), start, i + 1) < 0) {
            return -1;
        }
    }
    return 0;
}

static int map_text(View *view, PyObject *text, const unsigned char *table, PyObject *expansions) {
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < length; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        uint32_t m = c;
        if (c < TABLE_SIZE) {
            memcpy(&m, table + (size_t)c * sizeof(uint32_t), sizeof m);
        }
        int64_t start = view->count ? i : 0; /* leading deleted characters belong to the first view character */
        if (m == DELETED) {
            if (view->count) {
                view->ends[view->count - 1] = i + 1;
            }
        } else if (m == EXPANDS) {
            if (expand(view, expansions, c, i, start) < 0) {
                return -1;
            }
        } else if (m > 0x10FFFF) {
            PyErr_Format(PyExc_ValueError, "view: the table maps U+%04X to no character", (unsigned)c);
            return -1;
        } else if (push(view, m, start, i + 1) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyObject *as_bytes(const int64_t *values, Py_ssize_t count) {
    return PyBytes_FromStringAndSize((const char *)values, count * (Py_ssize_t)sizeof(int64_t));
}

static PyObject *result_of(const View *view) {
    PyObject *chars = PyUnicode_New(view->count, view->maxchar);
    if (chars == NULL) {
        return NULL;
    }
    int kind = PyUnicode_KIND(chars);
    void *data = PyUnicode_DATA(chars);
    for (Py_ssize_t i = 0; i < view->count; i++) {
        PyUnicode_WRITE(kind, data, i, view->codes[i]);
    }
    PyObject *starts = as_bytes(view->starts, view->count);
    PyObject *ends = as_bytes(view->ends, view->count);
    PyObject *result = starts && ends ? PyTuple_Pack(3, chars, starts, ends) : NULL;
    Py_XDECREF(starts);
    Py_XDECREF(ends);
    Py_DECREF(chars);
    return result;
}

static PyObject *view(PyObject *self, PyObject *args) {
    PyObject *text, *expansions;
    Py_buffer table;
    if (!PyArg_ParseTuple(args, "Uy*O!:view", &text, &table, &PyDict_Type, &expansions)) {
        return NULL;
    }
    PyObject *result = NULL;
    View view = {.codes = NULL, .starts = NULL, .ends = NULL, .count = 0, .capacity = 0, .maxchar = 0};
    if (table.len != TABLE_SIZE * (Py_ssize_t)sizeof(uint32_t)) {
        PyErr_SetString(PyExc_ValueError, "view: the table must hold 65,536 uint32 code points");
    } else if (reserve(&view, PyUnicode_GET_LENGTH(text) + 1) == 0 && map_text(&view, text, table.buf, expansions) == 0) {
        result = result_of(&view);
    }
    PyMem_Free(view.codes);
    PyMem_Free(view.starts);
    PyMem_Free(view.ends);
    PyBuffer_Release(&table);
    return result;
}

static PyMethodDef methods[] = {
    {"view", view, METH_VARARGS, "view(text, table, expansions): (view, starts, ends) of text by the code-point table."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_normalise", "Compiled normalised view for khabar (optional speed-up).", -1, methods,
};

PyMODINIT_FUNC PyInit__normalise(void) {
    return PyModule_Create(&module);
}
