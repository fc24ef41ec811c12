"""Words and shapes for a verdict: the one-line reason and the JSON document."""

from recommender.scoring import CLOSE_CALL_MARGIN, Need, Ranked, Verdict, shared_contributions


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def verdict_summary(verdict: Verdict) -> str:
    winner = verdict.winner
    if winner is None:
        return (
            "No framework meets every hard requirement in your answers; "
            "see the exclusions below and relax one of them."
        )
    strongest = [c.name for c in winner.top_contributions(3) if c.points > 0]
    reason = f"{winner.name} fits best"
    if strongest:
        reason += f", carried by {_join(strongest)}"
    if verdict.no_framework_meets_every_need:
        # Two answers may state the same need; name it once.
        missed = _join(list(dict.fromkeys(u.need.text for u in winner.unmet)))
        reason = (
            "No framework meets every need your answers state. "
            f"{winner.name} meets the most of them and fits best among those, "
            f"but falls short of {missed}"
        )
        return reason + "."
    if verdict.needs:
        reason += ", and meets every need your answers state"
    if verdict.no_preferences:
        reason += ", with every criterion weighed equally since no preferences were given"
    elif verdict.runner_up is not None:
        runner_up = verdict.runner_up
        # Whole numbers, unless rounding would make a close call look like a tie.
        digits = 1 if round(winner.score) == round(runner_up.score) else 0
        reason += (
            f"; it scores {winner.score:.{digits}f} out of 100 against "
            f"{runner_up.score:.{digits}f} for {runner_up.name}"
        )
    return reason + "."


def _need_dict(need: Need) -> dict:
    return {
        "question": need.question,
        "choice": need.choice,
        "criterion": need.criterion,
        "minimum": need.minimum,
    }


def _contribution_dicts(ranking: tuple[Ranked, ...]) -> list[list[dict]]:
    """Each framework's contributions, in ranking order: each distinct one
    (``shared_contributions``) made into a dict once and listed wherever it
    applies. Serialised, it is the same JSON."""
    made: dict[int, dict] = {}
    tables = []
    for contributions in shared_contributions(ranking):
        table = []
        for c in contributions:
            entry = made.get(id(c))
            if entry is None:
                entry = made[id(c)] = {
                    "criterion": c.criterion,
                    "weight": round(c.weight, 3),
                    "share": round(c.share, 4),
                    "value": c.value,
                    "points": round(c.points, 2),
                }
            table.append(entry)
        tables.append(table)
    return tables


def verdict_as_dict(verdict: Verdict) -> dict:
    contributions = _contribution_dicts(verdict.ranking)
    return {
        "winner": verdict.winner.slug if verdict.winner else None,
        "runner_up": verdict.runner_up.slug if verdict.runner_up else None,
        "margin": verdict.margin,
        "close_call": verdict.close_call,
        "close_call_threshold": CLOSE_CALL_MARGIN,
        "summary": verdict_summary(verdict),
        "answers": {
            slug: answer if isinstance(answer, str) else list(answer)
            for slug, answer in verdict.answers.items()
        },
        "needs": [_need_dict(need) for need in verdict.needs],
        "no_framework_meets_every_need": verdict.no_framework_meets_every_need,
        "no_preferences": verdict.no_preferences,
        "weights": {slug: round(w, 3) for slug, w in verdict.weights.items()},
        "ranking": [
            {
                "framework": r.slug,
                "name": r.name,
                "score": round(r.score, 1),
                "excluded": r.excluded,
                "reasons": r.reasons,
                "unmet_needs": [
                    {**_need_dict(u.need), "value": u.value, "reason": u.reason} for u in r.unmet
                ],
                "contributions": table,
            }
            for r, table in zip(verdict.ranking, contributions, strict=True)
        ],
        "what_would_change": [
            {
                "question": c.question,
                "answer": c.choice or None,
                "answer_label": c.choice_label,
                **({"toggle": c.toggle} if c.toggle else {}),
                "winner": c.winner,
            }
            for c in verdict.changes
        ],
        "without_need": [{**_need_dict(d.need), "winner": d.winner} for d in verdict.need_drops],
    }
