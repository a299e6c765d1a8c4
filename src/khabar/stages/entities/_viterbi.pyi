import numpy as np

def viterbi(emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray, out: np.ndarray, /) -> None:
    """Best label paths of the sentences stacked in ``emissions`` (float32 [N, L]; int64 ``lengths`` summing
    to N; float32 [L, L] ``transitions``), written into the int64 [N] ``out``."""
