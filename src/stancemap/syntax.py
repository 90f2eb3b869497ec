"""Dependency-parse helpers for statements: who is the agent of a predicate, is it negated,
is it hypothetical, which clause is reported speech."""

from __future__ import annotations

from spacy.tokens import Span, Token

from . import spans

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
INHERIT = {"xcomp", "conj", "advcl", "acomp", "ccomp", "pcomp"}
NEG_GOVERNORS = {"refuse", "decline", "fail", "reject", "avoid", "refrain", "rule",
                 "stop", "cease", "deny", "oppose"}
MODALS = {"would", "could", "might", "may", "should"}
INFORMAL = {"informally", "privately", "unofficially", "anonymously"}
INFORMAL_PHRASES = ("on condition of anonymity", "off the record", "speaking anonymously",
                    "on the condition of anonymity", "who asked not to be named",
                    "who declined to be named")
FRAMING_PREPS = {"in", "at", "during", "after", "before", "since", "amid", "following", "with",
                 "throughout", "under", "by", "from", "despite", "while"}
CARRIER_VERBS = {"express", "voice", "reaffirm", "reiterate", "announce", "issue", "make",
                 "give", "declare", "confirm", "state", "offer", "extend", "pledge", "show",
                 "demonstrate", "signal", "stress", "emphasize", "emphasise", "underline",
                 "publish", "adopt", "take", "hold", "have", "present", "share", "set",
                 "outline", "release", "post", "maintain", "keep", "record", "cast",
                 "register", "provide", "lodge", "file", "carry", "conduct", "launch",
                 "stage", "mount"}


NAMING_VERBS = {"call", "regard", "view", "see", "treat", "consider", "describe", "term",
                "greet", "welcome", "receive", "characterize", "characterise", "assess"}


def subjects(tok: Token) -> list[Token]:
    """Subject tokens of a predicate, inherited from governing clauses where it has none
    ("Kazakhstan refused to recognise", "met and agreed"), with coordinated conjuncts."""
    return list(spans.memo_token(tok, "subjects", _subjects))


def _subjects(tok: Token, depth: int = 0) -> tuple[Token, ...]:
    own = [c for c in tok.children if c.dep_ in SUBJECTS]
    passive_agent = [g for c in tok.children if c.dep_ == "agent" for g in c.children
                     if g.dep_ == "pobj"]
    if passive_agent:
        own = passive_agent
    if tok.pos_ in ("NOUN", "PROPN"):
        own = own or _nominal_agents(tok)
        return tuple(sorted({t for s in own for t in coordinated(s)}, key=lambda t: t.i))
    if not own and tok.dep_ in INHERIT and tok.head.i != tok.i and depth < 3:
        return _subjects(_relative_conjunct(tok) or tok.head, depth + 1)
    if tok.dep_ == "relcl" and tok.head.i != tok.i:
        own = [relative_antecedent(tok, s) for s in own] if own else [tok.head]
    out: list[Token] = []
    for s in own:
        out.extend(coordinated(s))
    out += _list_head(tok, own)
    return tuple(sorted(set(out), key=lambda t: t.i))


def _list_head(verb: Token, own: list[Token]) -> list[Token]:
    """The first name of a subject list the parser split off as a modifier of the verb:
    "Aliyev, Pashinyan and Lukashenko did not mention ..." with "Aliyev" an npadvmod."""
    first = own[0] if len(own) == 1 and own[0].i >= 2 else None
    if first is None or verb.doc[first.i - 1].text != "," or not any(
            c.dep_ == "conj" for c in first.children):
        return []
    head = verb.doc[first.i - 2]
    return [head] if head.pos_ == "PROPN" and head.head.i == verb.i and head.dep_ in (
        "npadvmod", "dep", "nsubj") else []


REL_PRONOUNS = {"who", "which", "that", "whom"}


def relative_antecedent(clause: Token, subj: Token) -> Token:
    """The subject of a relative clause: "Rahmon, who said ..." and "Kazakhstan, whose
    foreign ministry said ..." are acts of the noun the clause modifies (its body's acts
    are the state's); any other subject ("the votes that Ukraine rejected") is its own."""
    if subj.lower_ in REL_PRONOUNS and subj.tag_ in ("WP", "WDT"):
        return clause.head
    if any(c.dep_ == "poss" and c.lower_ == "whose" for c in subj.children):
        return clause.head
    return subj


def _relative_conjunct(tok: Token) -> Token | None:
    """The relative clause a verb the parser coordinated with the main clause really
    continues: "X split as the assembly adopted a resolution that deplores Y and demands
    Z" (the second verb agrees with the relative clause's, not with the main verb)."""
    if tok.dep_ != "conj" or tok.pos_ not in ("VERB", "AUX") or tok.tag_ == tok.head.tag_:
        return None
    for t in reversed(tok.doc[tok.head.i + 1 : tok.i]):
        if t.dep_ == "relcl" and t.tag_ == tok.tag_ and t.head.i > tok.head.i:
            return t
    return None


def coordinated(tok: Token) -> list[Token]:
    """A token and everything coordinated with it: "Kazakhstan, Kyrgyzstan and Tajikistan"
    (spaCy often attaches the second item as an apposition, the rest as conjuncts)."""
    out, todo = [tok], [tok]
    while todo:
        node = todo.pop()
        for c in node.children:
            if (c.dep_ == "conj" or (c.dep_ == "appos" and c.pos_ == "PROPN")) and c not in out:
                out.append(c)
                todo.append(c)
    return out


def conjunct_spans(tokens: list[Token]) -> list[list[Token]]:
    """The conjuncts of the first coordination in a phrase, each with its own modifiers:
    "the annexation of Crimea or the annexation of new territories" gives two."""
    inside = {t.i for t in tokens}
    for t in tokens:
        if not any(c.dep_ == "conj" and c.i in inside for c in t.children):
            continue
        spans = []
        for h in coordinated(t):
            skip = {x.i for c in h.children if c.dep_ in ("conj", "appos") for x in c.subtree}
            spans.append([x for x in h.subtree if x.i not in skip and x.i in inside])
        return spans
    return []


def elided_objects(tok: Token) -> list[list[Token]]:
    """Objects of a verb left out of a coordinated clause: "has never recognised the Crimean
    referendum, nor Moscow's claim to the four regions" (a common noun the parser hangs on
    the verb as its conjunct, with no verb or subject of its own)."""
    if tok.pos_ not in ("VERB", "AUX"):
        return []
    return [list(c.subtree) for c in tok.children
            if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i > tok.i
            and not any(x.dep_ in SUBJECTS for x in c.children)]


ECHO_VERBS = {"do", "have", "be", "will", "would", "can", "could", "should", "shall", "may",
              "might", "must"}
ECHO_CUES = {"as", "so", "neither", "nor"}


def echoes(sent: Span) -> tuple[tuple[Token, Token | None], ...]:
    """Each elided clause of a sentence: (its clause node, the head of the clause it echoes,
    or None when it echoes the sentence before). The clause is an auxiliary standing for
    the verb right after "as", "so", "neither" or "nor"."""
    return spans.memo(sent, "echoes", _echoes)


def _echoes(sent: Span) -> tuple[tuple[Token, Token | None], ...]:
    out: list[tuple[Token, Token | None]] = []
    for tok in spans.tokens(sent):
        if tok.i == sent.start or tok.lemma_.lower() not in ECHO_VERBS or \
                tok.doc[tok.i - 1].lower_ not in ECHO_CUES:
            continue
        node = tok.head if tok.dep_ in ("aux", "auxpass") else tok
        if node.dep_ in ("advcl", "conj") and node.head.i != node.i:
            out.append((node, node.head))
        elif node.i == node.head.i and tok.i - 1 == sent.start:
            out.append((node, None))  # "Neither has Turkmenistan."
    return tuple(out)


def antecedents(pronoun: Token) -> list[Token]:
    """Noun phrases before an object pronoun in its sentence that agree with it in number
    ("the territories annexed by Russia ... does not recognise them"), each without its
    conjuncts and relative clauses."""
    plural = pronoun.lower_ in ("them", "they", "these", "those")
    out: list[Token] = []
    for t in spans.tokens(pronoun.sent):
        if t.i >= pronoun.i:
            break
        if t.pos_ not in ("NOUN", "PROPN") or (t.tag_ in ("NNS", "NNPS")) != plural:
            continue
        skip = {x.i for c in t.children if c.dep_ in ("conj", "relcl", "appos")
                for x in c.subtree}
        out.extend(x for x in t.subtree if x.i not in skip and x.i < pronoun.i)
    return sorted(set(out), key=lambda x: x.i)


def clause(tok: Token) -> list[Token]:
    """The clause a predicate belongs to: a predicate noun's governing verb phrase
    ("its position on the referendums was based on territorial integrity")."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
        return list(tok.head.subtree)
    return list(tok.subtree)


def _nominal_agents(tok: Token) -> list[Token]:
    """Agents of a predicate noun: "Kazakhstan's refusal", "the statement by the ministry",
    "Kazakh position", or the subject of "expressed support"."""
    poss = [c for c in tok.children if c.dep_ == "poss"]
    carrier = carrier_of(tok)
    if poss and carrier is not None and carrier.lemma_.lower() in ("share", "echo"):
        return subjects(carrier)  # "he shared Moscow's concern": the sharer's act
    if poss and not (poss[0].pos_ == "PRON" and carrier is not None):
        return poss  # "Kazakhstan's refusal" (but "they expressed their support": the subject)
    by = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children
          if g.dep_ == "pobj"]
    if by:
        return by
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and
            c.pos_ in ("PROPN", "ADJ") and c.text[:1].isupper()]
    if mods:
        return mods
    if carrier is not None:
        return subjects(carrier)  # "... and has avoided public comment": inherited subjects
    return []


def carrier_of(tok: Token) -> Token | None:
    """The verb that carries a predicate noun: "expressed support", "rejected the
    recognition", "pledged 2 billion euros in military aid"."""
    node = tok
    if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.lower_ in ("in", "of") \
            and node.head.head.dep_ == "dobj":
        node = node.head.head
    if node.dep_ in ("dobj", "attr") and (node.head.lemma_.lower() in CARRIER_VERBS or
                                          node.head.lemma_.lower() in NEG_GOVERNORS):
        return node.head
    if node.dep_ == "oprd" or (node.dep_ == "pobj" and node.head.lower_ in ("as", "with")):
        verb = node.head if node.dep_ == "oprd" else node.head.head
        if verb.lemma_.lower() in NAMING_VERBS:
            return verb  # "called the vote the free will of ...", "viewed it with understanding"
    return None


def negations(tok: Token, phrase: frozenset[int] = frozenset(),
              subj: list[Token] | None = None) -> int:
    """How many negators scope over a predicate: its own "not/never", "neither ... nor" on
    its subject, "no" on its object, and negative governors ("refused to", "ruled out")."""
    noun_no = tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no"
                                         for c in tok.children)
    if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "attr") and \
            tok.head.lemma_.lower() in CARRIER_VERBS:
        tok = tok.head  # "had not published any position": the carrier's negation counts
    own = {c.i for c in tok.children
           if c.i not in phrase and (c.dep_ == "neg" or (c.lower_ in ("never", "no", "neither")
                                                         and c.dep_ != "det"))}
    count = len(own)
    noun_no = noun_no or any(c.dep_ == "det" and c.lower_ == "no" for i in phrase if i != tok.i
                             and tok.doc[i].dep_ == "dobj" and tok.doc[i].head.i == tok.i
                             for c in tok.doc[i].children)  # "took no part in the vote"
    if noun_no:
        count += 1  # "recorded no vote", "gave no comment"
    if ((tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass")) or tok.dep_ == "csubj") \
            and tok.head.lemma_.lower() == "be":
        count += _copula_negation(tok.head)  # "recognition is not on the agenda"
    if tok.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "nor"
                                  for c in tok.head.children):
        count += 1  # "neither supported nor condemned"
    if fronted_nor(tok):
        count += 1  # "Nor would Tashkent recognise the new borders"
    for s in subjects(tok) if subj is None else subj:
        if s.i in own:
            continue  # "Neither will Kazakhstan recognise": counted once
        if s.lower_ in ("none", "nobody", "neither") or any(
                c.lower_ == "neither" or (c.dep_ == "cc" and c.lower_ == "nor")
                for c in s.children):
            count += 1  # "Neither X nor Y has commented"
            break
    head, child = tok.head, tok
    hops = 0
    while head.i != child.i and hops < 3:
        if child.dep_ in ("xcomp", "dobj", "pobj", "pcomp", "prep") and \
                head.lemma_.lower() in NEG_GOVERNORS and head.i not in phrase:
            count += 1 + sum(1 for c in head.children if c.dep_ == "neg")
        if child.dep_ not in ("xcomp", "pobj", "pcomp", "prep", "dobj"):
            break
        child, head = head, head.head
        hops += 1
    return count


def fronted_nor(tok: Token) -> bool:
    """A clause opened by "nor" before its subject ("Nor has Dushanbe recognised ...",
    "..., nor will it"): the clause is negated (not "neither X nor Y", whose "nor" hangs on
    the subject, nor "neither supported nor condemned"; a fronted "neither" counts as
    "never" does)."""
    subj = [c.i for c in tok.children if c.dep_ in SUBJECTS]
    return any(c.lower_ == "nor" and c.dep_ in ("cc", "preconj", "advmod")
               and c.i < tok.i and (not subj or c.i < min(subj)) for c in tok.children)


OFF_AGENDA = {("out", "question"), ("off", "table"), ("off", "agenda")}


def _copula_negation(be: Token) -> int:
    """Negators of a copula whose subject is an act: "is not on the agenda", "is out of
    the question", "is off the table" (not "was not the first": that says what it is)."""
    if any(c.dep_ == "attr" for c in be.children):
        return 0
    count = sum(1 for c in be.children if c.dep_ == "neg" or c.lower_ == "never")
    for c in be.children:
        if c.dep_ in ("prep", "advmod") and any(
                (c.lower_, g.lemma_.lower()) in OFF_AGENDA for g in c.subtree):
            count += 1
    return count


def hypothetical(tok: Token, reported: bool = False) -> bool:
    """"would/could/might", or a condition ("if ..."); in reported speech "would" is the
    backshifted "will" ("said it would not recognise"), not a hypothesis."""
    modals = MODALS - {"would"} if reported else MODALS
    node = tok
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in modals for c in node.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
            return True
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            break
        node = node.head
    return False


def informal(speech: Token, sent: Span) -> bool:
    if any(c.lower_ in INFORMAL for c in speech.children):
        return True
    lower = spans.text(sent).lower()
    return any(p in lower for p in INFORMAL_PHRASES)


def content_region(speech: Token) -> set[int]:
    """Token indices of what a speech predicate reports: its clausal complement, or, in
    "X will not recognise Y, the ministry said", the governing clause it interrupts."""
    region: set[int] = set()
    for c in speech.children:
        if c.dep_ in ("ccomp", "parataxis", "xcomp") or (c.dep_ == "dobj" and
                                                         c.pos_ == "VERB"):
            region |= {t.i for t in c.subtree}
    nominal = any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in speech.children)
    for t in speech.subtree:  # "stated at a hearing that X ...", misparsed as a relative
        # (not "held a ceremony after votes that X rejected": a verb with a nominal object
        # reports nothing)
        if not nominal and t.dep_ == "relcl" and any(c.dep_ == "mark" and c.lower_ == "that"
                                                     for c in t.children):
            region |= {x.i for x in t.subtree}
    if not region and speech.dep_ in ("parataxis", "ccomp", "advcl") and \
            speech.head.i != speech.i and not any(
                c.dep_ in ("dobj", "mark") or c.tag_ in ("WDT", "WP", "WRB")
                for c in speech.children):  # not "whatever its ministry says"
        own = {t.i for t in speech.subtree}
        region = {t.i for t in speech.head.subtree} - own
    return region


def according_to(sent: Span) -> list[Token]:
    """The source in "according to Ukrainian officials, ...": who reports the sentence."""
    for tok in spans.tokens(sent):
        if tok.lower_ == "according":
            for to in tok.children:
                if to.lower_ == "to":
                    return [c for c in to.children if c.dep_ == "pobj"]
    return []


def object_tokens(tok: Token) -> list[Token]:
    """The predicate's object side: direct objects, prepositional objects, complements."""
    return list(spans.memo_token(tok, "objects", _object_tokens))


def _object_tokens(tok: Token) -> tuple[Token, ...]:
    out: list[Token] = []
    for c in tok.children:
        if c.lower_ == "according" or (c.dep_ == "prep" and c.i < tok.i and
                                        c.lower_ in FRAMING_PREPS):
            continue  # "according to X", "In a speech about Y, X criticised Z": framing
        if c.dep_ in ("dobj", "attr", "oprd", "ccomp", "xcomp", "acomp", "pobj", "dative",
                      "prep", "agent"):
            out.extend(c.subtree)
    if tok.pos_ in ("NOUN", "PROPN", "ADJ"):
        out.extend(t for c in tok.children if c.dep_ in ("prep", "acl", "amod", "compound")
                   for t in c.subtree)
    # not inside a relative clause below ``tok`` ("symbols that have become central to war
    # propaganda" is not what the act is about); every clause head on the way up is in out
    relative = {t.i for r in out if r.dep_ == "relcl" for t in r.subtree}
    return tuple(sorted({t for t in out if t.i not in relative}, key=lambda t: t.i))


PARTIAL = {"some", "several", "many", "most", "few", "two", "three", "four", "one", "part",
           "majority", "minority", "half"}


def partial(tok: Token) -> bool:
    """"Four of the five states", "some Central Asian states": not every member."""
    words = {tok.lower_} | {c.lower_ for c in tok.children if c.dep_ in ("nummod", "amod", "det")}
    return bool(words & PARTIAL)


def theme_tokens(tok: Token, roles: dict[str, object]) -> list[Token]:
    """The tokens filling a predicate's theme role as the lexicon gives it ("dobj",
    "pobj:from", "ccomp", or a list of these); its object side if none is found."""
    spec = roles.get("theme")
    specs = spec if isinstance(spec, list) else [spec] if spec else []
    out: list[Token] = []
    for item in specs:
        dep, _, prep = str(item).partition(":")
        for c in tok.children:
            if dep == "pobj" and c.dep_ == "prep" and c.lower_ == prep or c.dep_ == dep:
                out.extend(c.subtree)
    return sorted(set(out), key=lambda t: t.i) or object_tokens(tok)


def present(tok: Token) -> bool:
    """Present or present perfect ("does not recognise", "has recognised", "is silent"):
    a state of affairs at the time of writing."""
    node = tok
    if tok.pos_ in ("NOUN", "ADJ") and tok.head.i != tok.i:
        node = tok.head
    for _ in range(3):  # "tries to avoid making statements": the finite verb's tense
        if node.dep_ != "xcomp" or node.head.i == node.i:
            break
        node = node.head
    if node.tag_ in ("VBZ", "VBP"):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in node.children)
