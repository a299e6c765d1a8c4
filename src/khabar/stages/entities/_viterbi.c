/* The Viterbi decoder of crf.py in C: the same arithmetic (float32 sums, first maximum wins), without the
 * per-step numpy calls that made it a fifth of the entity stage.
 *
 * viterbi(emissions, lengths, transitions, out)
 *   emissions    float32 [N, L], C-contiguous: the sentences' emission scores stacked one after another
 *   lengths      int64 [B]: the sentences' lengths, summing to N (a length may be 0)
 *   transitions  float32 [L, L], C-contiguous: transitions[from, to]
 *   out          writable int64 [N]: receives each token's best label index
 *
 * Optional: crf.py falls back to its numpy decoder when this module was not built (no C compiler at install).
 * Scores are assumed free of NaN, as crfsuite's weights are.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A buffer's format names a native type of `size` bytes in `kinds` (e.g. "lq" for int64 on LP64). */
static int format_is(const Py_buffer *view, const char *kinds, Py_ssize_t size) {
    const char *format = view->format ? view->format : "B";
    if (*format == '@' || *format == '=' || (*format == '<' && PY_LITTLE_ENDIAN)) { /* native order only */
        format++;
    }
    return format[0] != '\0' && format[1] == '\0' && strchr(kinds, format[0]) != NULL && view->itemsize == size;
}

static int get(PyObject *object, Py_buffer *view, int writable, const char *name) {
    int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(object, view, flags) < 0) {
        PyErr_Format(PyExc_TypeError, "viterbi: %s must be a C-contiguous%s buffer", name, writable ? " writable" : "");
        return -1;
    }
    return 0;
}

/* Why the buffers' types do not fit, or NULL. */
static const char *formats_problem(const Py_buffer *emissions, const Py_buffer *lengths, const Py_buffer *transitions,
                                   const Py_buffer *out) {
    if (!format_is(emissions, "f", 4) || emissions->ndim != 2) {
        return "emissions must be float32 [tokens, labels]";
    }
    if (!format_is(transitions, "f", 4) || transitions->ndim != 2) {
        return "transitions must be float32 [labels, labels]";
    }
    if (!format_is(lengths, "lq", 8) || lengths->ndim != 1) {
        return "lengths must be int64 [sentences]";
    }
    if (!format_is(out, "lq", 8) || out->ndim != 1) {
        return "out must be int64 [tokens]";
    }
    return NULL;
}

/* Why the buffers' sizes do not fit one another, or NULL; the longest sentence's length into *longest. */
static const char *sizes_problem(const Py_buffer *emissions, const Py_buffer *lengths, const Py_buffer *transitions,
                                 const Py_buffer *out, Py_ssize_t *longest) {
    Py_ssize_t tokens = emissions->shape[0], labels = emissions->shape[1], total = 0;
    const int64_t *sizes = (const int64_t *)lengths->buf;
    for (Py_ssize_t i = 0; i < lengths->shape[0]; i++) {
        if (sizes[i] < 0) {
            return "lengths must not be negative";
        }
        total += (Py_ssize_t)sizes[i];
        if (sizes[i] > *longest) {
            *longest = (Py_ssize_t)sizes[i];
        }
    }
    if (labels < 1 || labels > INT32_MAX) {
        return "emissions need at least one label";
    }
    if (transitions->shape[0] != labels || transitions->shape[1] != labels) {
        return "transitions must be [labels, labels] for the emissions' labels";
    }
    if (total != tokens) {
        return "lengths must sum to the number of emission rows";
    }
    if (out->shape[0] != tokens) {
        return "out must have one entry per emission row";
    }
    return NULL;
}

/* One sentence of n tokens: best path into out[0..n). score/next hold L floats, back n * L ints. */
static void decode_one(const float *emissions, Py_ssize_t n, Py_ssize_t labels, const float *transitions,
                       float *score, float *next, int32_t *back, int64_t *out) {
    if (n == 0) {
        return;
    }
    memcpy(score, emissions, (size_t)labels * sizeof(float));
    for (Py_ssize_t step = 1; step < n; step++) {
        const float *emission = emissions + step * labels;
        int32_t *pointers = back + step * labels;
        for (Py_ssize_t to = 0; to < labels; to++) {
            float best = score[0] + transitions[to];
            int32_t from_best = 0;
            for (Py_ssize_t from = 1; from < labels; from++) {
                float candidate = score[from] + transitions[from * labels + to];
                if (candidate > best) { /* strict: the first maximum wins, as numpy's argmax */
                    best = candidate;
                    from_best = (int32_t)from;
                }
            }
            pointers[to] = from_best;
            next[to] = best + emission[to];
        }
        memcpy(score, next, (size_t)labels * sizeof(float));
    }
    int32_t current = 0;
    for (Py_ssize_t label = 1; label < labels; label++) {
        if (score[label] > score[current]) {
            current = (int32_t)label;
        }
    }
    for (Py_ssize_t step = n - 1; step > 0; step--) {
        out[step] = current;
        current = back[step * labels + current];
    }
    out[0] = current;
}

static PyObject *viterbi(PyObject *self, PyObject *args) {
    PyObject *objects[4];
    if (!PyArg_ParseTuple(args, "OOOO:viterbi", &objects[0], &objects[1], &objects[2], &objects[3])) {
        return NULL;
    }
    Py_buffer emissions, lengths, transitions, out;
    if (get(objects[0], &emissions, 0, "emissions") < 0) {
        return NULL;
    }
    if (get(objects[1], &lengths, 0, "lengths") < 0) {
        PyBuffer_Release(&emissions);
        return NULL;
    }
    if (get(objects[2], &transitions, 0, "transitions") < 0) {
        PyBuffer_Release(&emissions);
        PyBuffer_Release(&lengths);
        return NULL;
    }
    if (get(objects[3], &out, 1, "out") < 0) {
        PyBuffer_Release(&emissions);
        PyBuffer_Release(&lengths);
        PyBuffer_Release(&transitions);
        return NULL;
    }
    PyObject *result = NULL;
    Py_ssize_t longest = 0;
    const char *problem = formats_problem(&emissions, &lengths, &transitions, &out);
    if (problem == NULL) {
        problem = sizes_problem(&emissions, &lengths, &transitions, &out, &longest);
    }
    if (problem != NULL) {
        PyErr_SetString(PyExc_ValueError, problem);
    } else {
        Py_ssize_t labels = emissions.shape[1], sentences = lengths.shape[0];
        float *score = PyMem_RawMalloc(2 * (size_t)labels * sizeof(float));
        int32_t *back = PyMem_RawMalloc(((size_t)longest * (size_t)labels + 1) * sizeof(int32_t));
        if (score == NULL || back == NULL) {
            PyErr_NoMemory();
        } else {
            const float *rows = (const float *)emissions.buf;
            const int64_t *sizes = (const int64_t *)lengths.buf;
            int64_t *paths = (int64_t *)out.buf;
            Py_BEGIN_ALLOW_THREADS
            Py_ssize_t first = 0;
            for (Py_ssize_t i = 0; i < sentences; i++) {
                decode_one(rows + first * labels, (Py_ssize_t)sizes[i], labels, (const float *)transitions.buf,
                           score, score + labels, back, paths + first);
                first += (Py_ssize_t)sizes[i];
            }
            Py_END_ALLOW_THREADS
            result = Py_NewRef(Py_None);
        }
        PyMem_RawFree(score);
        PyMem_RawFree(back);
    }
    PyBuffer_Release(&emissions);
    PyBuffer_Release(&lengths);
    PyBuffer_Release(&transitions);
    PyBuffer_Release(&out);
    return result;
}

static PyMethodDef methods[] = {
    {"viterbi", viterbi, METH_VARARGS,
     "viterbi(emissions, lengths, transitions, out): best label paths of stacked sentences, written into out."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_viterbi", "Compiled Viterbi decoding for khabar's CRF (optional speed-up).", -1, methods,
};

PyMODINIT_FUNC PyInit__viterbi(void) {
    return PyModule_Create(&module);
}
