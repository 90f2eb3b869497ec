"""The dependency parser's greedy decoding with numpy, same parses, less overhead.

spaCy's compiled greedy loop (``Parser.greedy_parse``) releases the GIL for the whole parse,
but the helpers it inlines for every hidden unit of every state at every step take the GIL
back and release it again (tens of millions of round trips per thousand articles, about
half the parser's time), and it multiplies with the bundled BLIS, whose generic kernel runs
here. ``fast_greedy_parser`` swaps the pipeline's parser for a wrapper that decodes the
same way spaCy's own Python step path does (``ParserStepModel.predict`` then
``Parser.transition_states``) with the per-step arithmetic done by numpy on all states at
once: the same feature sums in the same order, the same bias, maxout and output layer, and
spaCy's own code to validate and apply the best transition. Anything unusual (beam search,
a model without an output layer, a listener-less parser) keeps spaCy's parser.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from types import SimpleNamespace
from typing import Any

import numpy as np
from spacy import util
from spacy.language import Language
from spacy.ml.parser_model import ParserStepModel
from spacy.pipeline.transition_parser import Parser
from spacy.tokens import Doc


def fast_greedy_parser(nlp: Language, name: str = "parser") -> bool:
    """Replace the component ``name`` by a FastParser; False if it cannot be."""
    if name not in nlp.pipe_names:
        return False
    parser = nlp.get_pipe(name)
    if not isinstance(parser, Parser) or parser.cfg.get("beam_width", 1) != 1:
        return False
    model = parser.model
    if len(model.layers) != 3 or not model.attrs.get("has_upper"):
        return False
    lower = model.layers[1]
    if not (lower.has_dim("nP") and lower.get_dim("nP") >= 2):
        return False  # maxout is what the step below computes
    components = nlp._components  # noqa: SLF001 (no public way to swap in an object)
    index = next(i for i, (n, _) in enumerate(components) if n == name)
    components[index] = (name, FastParser(parser))
    return True


class FastParser:
    """A greedy transition parser that delegates everything but decoding to spaCy's."""

    def __init__(self, parser: Parser) -> None:
        self.parser = parser

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.parser, attr)

    def __call__(self, doc: Doc) -> Doc:
        handler = self.parser.get_error_handler()
        try:
            self.parser.set_annotations([doc], self.predict([doc]))
            return doc
        except Exception as exc:  # as TrainablePipe.__call__
            return handler(self.parser.name, self.parser, [doc], exc)

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 256) -> Iterator[Doc]:
        """As Parser.pipe: batches, sorted by length into sub-batches of a quarter."""
        handler = self.parser.get_error_handler()
        for batch in util.minibatch(docs, size=batch_size):
            in_order = list(batch)
            try:
                by_length = sorted(in_order, key=len)
                for sub in util.minibatch(by_length, size=max(batch_size // 4, 2)):
                    sub = list(sub)
                    self.parser.set_annotations(sub, self.predict(sub))
                yield from in_order
            except Exception as exc:
                handler(self.parser.name, self.parser, in_order, exc)

    def predict(self, docs: list[Doc]) -> list[Any]:
        parser = self.parser
        if not any(len(doc) for doc in docs):
            return parser.moves.init_batch(docs)
        parser._ensure_labels_are_added(docs)  # noqa: SLF001
        batch = parser.moves.init_batch(docs)
        model = parser.model
        tok2vec, lower, upper = model.layers
        cached = lower.predict(tok2vec.predict(docs))  # (tokens + 1, nF, nO, nP); 0: pad
        n_f, n_o, n_p = cached.shape[1:]
        rows = cached.reshape((-1, n_o * n_p))  # row (token + 1) * nF + feature
        offsets = np.arange(n_f, dtype=np.intp)
        bias = lower.get_param("b").reshape(-1)
        weights, out_bias = upper.get_param("W"), upper.get_param("b")
        dot = upper.ops.gemm  # as thinc's Linear layer: X @ W.T, then + b
        unseen = sorted(model.attrs.get("unseen_classes") or ())
        ids_of = SimpleNamespace(state2vec=SimpleNamespace(nF=n_f))
        states = [s for s in batch if not s.is_final()]
        while states:
            ids = ParserStepModel.get_token_ids(ids_of, states)
            gathered = rows.take((ids + 1) * n_f + offsets, axis=0)  # -1: the padding row
            hidden = gathered[:, 0].copy()
            for f in range(1, n_f):  # summed in spaCy's order: the same rounding
                hidden += gathered[:, f]
            hidden += bias
            pieces = hidden.reshape((len(states), n_o, n_p))
            best = pieces[:, :, 0].copy()
            for p in range(1, n_p):
                np.maximum(best, pieces[:, :, p], out=best)
            scores = dot(best, weights, trans2=True)
            scores += out_bias
            if unseen:
                scores[:, unseen] = np.nanmin(scores)
            states = parser.transition_states(states, np.ascontiguousarray(scores))
        return batch
