"""Itemised fund listings: "组名：项目A9万元，项目B3.5万元，…" → fund items with group, name and amount.

A listing is a sentence holding at least ``min_items`` money mentions, each after a short name
(the text back to the previous amount's separator). The lead before a colon is the group; a
"共计/合计" amount at the end of the run is the group's subtotal; the figure the listing follows
("…合计99万元。其中，…", "下达…1883.00万元。其中，…") is its total. A listing that repeats an
earlier one item for item names the same items (each item is listed once).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from docparse.extract.vocab import rules, simplified, words
from docparse.lexicon import ends_sentence, expand, marks, sentence_ends
from docparse.model.analysis import stage
from docparse.model.report import Fact, FundItem, FundListing, Mention
from docparse.tables.vocabulary import rows as table_rows

if TYPE_CHECKING:
    from docparse.model.analysis import Analysis
    from docparse.model.document import Block

_SENTENCE = sentence_ends()


@dataclass(slots=True)
class _Run:
    block: Block
    start: int  # sentence start in the block text
    end: int
    mentions: list[Mention]


def _sentences(block: Block, mentions: list[Mention]) -> list[_Run]:
    text = block.text
    out: list[_Run] = []
    start = 0
    padded = text + "。"
    for i in range(len(padded)):
        if ends_sentence(padded, i):
            inside = [m for m in mentions if start <= (m.provenance.start or 0) < i]
            out.append(_Run(block, start, i, inside))
            start = i + 1
    return out


_LIST_MARK = re.compile(expand(r"^\s*(?:\d+[.、．]|[（(]\d+[)）]|[${counting}]+、|[①-⑳])\s*"))


def _bracketed_at(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` stands inside brackets opened since ``start`` (a note, not part of the listing)."""
    before = text[start:pos]
    return before.count("(") + before.count("（") > before.count(")") + before.count("）")


def _bracketed(text: str, start: int, m: Mention) -> bool:
    return _bracketed_at(text, start, m.provenance.start or 0)


def _finditer(text: str, word: str, start: int, end: int) -> list[int]:
    out, pos = [], text.find(word, start, end)
    while pos != -1:
        out.append(pos)
        pos = text.find(word, pos + 1, end)
    return out


def _clean_name(name: str) -> str:
    name = _LIST_MARK.sub("", name.strip(" ，,、；;：:。\u3000"))
    changed = True
    while changed:
        changed = False
        for prefix in words("funds", "listing_openers") + words("funds", "name_prefixes"):
            if name.startswith(prefix) and len(name) > len(prefix):
                name = name[len(prefix):].lstrip(" ，,、：:")
                changed = True
        for suffix in words("funds", "name_suffixes"):
            if name.endswith(suffix) and len(name) > len(suffix) + 1:
                name = name[: -len(suffix)].rstrip(" ，,、：:")
                changed = True
    return name


def _is_total(name: str) -> bool:
    clean = simplified(name).strip(" ，,、：:")
    return any(clean.startswith(w) or clean.endswith(w) for w in rules("funds")["total_words"]) or clean == ""


def _fact(m: Mention) -> Fact:
    return Fact(value=m.low, text=m.text, provenance=m.provenance, money=True)


_Listing = tuple[str | None, list[tuple[str, Mention]], Mention | None, Mention | None, bool]


def _listing(run: _Run) -> _Listing | None:
    """(group, [(name, amount)], subtotal, total stated before an opener, opened by 其中/…)."""
    text = run.block.text
    conf = rules("funds")
    money = [m for m in run.mentions if m.kind == "money" and not m.is_range
             and m.qualifier not in ("approx", "more_than") and not _bracketed(text, run.start, m)]
    if len(money) < int(conf["min_items"]):
        return None
    head_end = money[0].provenance.start or 0
    head = text[run.start:head_end]
    lead_total: Mention | None = None
    # "下达…1883.00万元。其中，…" in one sentence: amounts before the opener are the total.
    plain = simplified(text)
    positions = sorted({pos for opener in words("funds", "listing_openers")
                        for pos in _finditer(plain, opener, run.start, run.end)
                        if not _bracketed_at(plain, run.start, pos)})
    starts = [m.provenance.start or 0 for m in money]
    splitting = [p for p in positions if any(s < p for s in starts) and any(s > p for s in starts)]
    leading = [p for p in positions if starts and p < starts[0]]
    opener_at = splitting[0] if splitting else (leading[0] if leading else -1)
    if opener_at != -1:
        before = [m for m in money if (m.provenance.start or 0) < opener_at]
        if before:
            lead_total = before[-1]
            money = [m for m in money if (m.provenance.start or 0) > opener_at]
            head = text[opener_at:(money[0].provenance.start or 0)] if money else ""
    if len(money) < int(conf["min_items"]):
        return None
    lead_group = None
    if lead_total is not None:
        # "专项工作108万元，其中：…" — a short name before the amount makes it a group and its subtotal
        named = _clean_name(text[run.start:lead_total.provenance.start or 0])
        if (0 < len(named) <= int(conf["max_group_chars"]) and not re.search(r"[\d，,、]", named)
                and not any(w in simplified(named) for w in conf["fact_words"] + conf["total_cues"])):
            lead_group = named
    group = None
    colon = max(head.rfind("："), head.rfind(":"))
    first_name_from = 0
    if colon != -1:
        lead = _LIST_MARK.sub("", head[:colon].strip(" ，,、；;：:。\u3000"))
        for opener in words("funds", "listing_openers"):
            lead = lead.removeprefix(opener).lstrip(" ，,、：:")
        if (0 < len(lead) <= int(conf["max_group_chars"]) and not re.search(r"\d", lead)
                and lead not in conf["listing_openers"]):
            group = lead
        first_name_from = colon + 1
    else:
        commas = [head.rfind(ch) for ch in "，,"]
        first_name_from = max(commas) + 1
    items: list[tuple[str, Mention]] = []
    subtotal: Mention | None = None
    prev_end = (money[0].provenance.start or 0) - len(head) + first_name_from
    for k, m in enumerate(money):
        start = m.provenance.start or 0
        raw = text[prev_end:start] if k else head[first_name_from:]
        raw = re.sub(r"^\s*[（(][^（()）]*[）)]", "", raw)  # a note on the previous amount ("(每亩3元)")
        prev_end = m.provenance.end or start
        if _is_total(raw) and k == len(money) - 1 and items:
            subtotal = m
            break
        name = _clean_name(raw)
        if len(items) >= int(conf["min_items"]) and any(w in simplified(name) for w in conf["listing_stops"]):
            break  # "其中A150万元、B60万元，全年实际支出205.6万元": the listing ended before this fact
        per_unit = any(simplified(name).startswith(w) for w in conf["rate_words"])
        inner = raw.strip()[1:] if k else raw
        clause = re.search(r"[，,]", inner) is not None or (
            inner.count("(") + inner.count("（") != inner.count(")") + inner.count("）"))
        if (not name or per_unit or clause or len(name) > int(conf["max_name_chars"])
                or any(ch in _SENTENCE for ch in name)):
            if k == 0:
                continue
            return None
        items.append((name, m))
    if len(items) < int(conf["min_items"]):
        return None
    factual = sum(1 for name, _ in items if any(w in simplified(name) for w in conf["fact_words"]))
    if factual * 2 >= len(items) and opener_at == -1 and subtotal is None:
        return None  # figures of different facts side by side, not parts of one whole
    bare = group is None and opener_at == -1 and lead_total is None and subtotal is None
    if bare and len(items) < 3:
        return None  # two figures in a sentence are not yet a listing
    sources = table_rows()["money_rows"]["parts"]
    if group is None and all(any(w in name for w in sources) for name, _ in items):
        return None  # the sources of a budget (本年财政拨款…), stated like a money block
    if lead_group is not None and lead_total is not None:
        group, subtotal, lead_total = group or lead_group, subtotal or lead_total, None
    return group, items, subtotal, lead_total, opener_at != -1


def _trailing_total(run: _Run) -> bool:
    """A sentence that closes the listings before it: "以上合计574.22万元"."""
    text = simplified(run.block.text[run.start:run.end]).lstrip(" ，,")
    return any(text.startswith(p + w) for p in ("", "以上", "上述") for w in rules("funds")["total_words"])


def _says_total(run: _Run) -> bool:
    text = simplified(run.block.text[run.start:run.end])
    return any(w in text for w in rules("funds")["total_cues"])


def _preceding_total(runs: list[_Run], idx: int, prev: tuple[Mention, _Run] | None,
                     listed: set[tuple[int, int]], opened: bool, items_sum: Decimal) -> Mention | None:
    """The figure a listing follows: the last amount of an earlier sentence that states a whole
    (or, for a listing opened by 其中, of the sentence right before it)."""
    for j in range(idx - 1, -1, -1):
        amounts = [m for m in runs[j].mentions if m.kind == "money" and not m.is_range]
        if amounts:
            if (runs[j].block.index, runs[j].start) in listed:
                return None
            if _says_total(runs[j]):
                return _whole(amounts, items_sum)
            # right before a listing opened by 其中: the amount its items add up to, if one does
            return next((m for m in amounts if m.low == items_sum), None) if opened and j == idx - 1 else None
        if j < idx - 2:
            return None
    if prev is None:
        return None
    run = prev[1]
    amounts = [m for m in run.mentions if m.kind == "money" and not m.is_range]
    return _whole(amounts, items_sum) if _says_total(run) and (run.block.index, run.start) not in listed else None


def _whole(amounts: list[Mention], items_sum: Decimal) -> Mention:
    """Of the amounts a listing follows, the one its items add up to, else the first."""
    return next((m for m in amounts if m.low == items_sum), amounts[0])


@stage(requires=("document", "report.mentions", "layout"), assigns=("report.fund_items", "report.fund_listings"))
def extract(analysis: Analysis) -> None:
    """Stage: ``report.fund_items`` and ``report.fund_listings``."""
    report = analysis.report
    by_block: dict[int, list[Mention]] = {}
    for m in report.mentions:
        if m.provenance is not None and m.provenance.block is not None and m.kind == "money":
            by_block.setdefault(m.provenance.block, []).append(m)
    seen: dict[tuple[tuple[str, str], ...], list[int]] = {}
    prev_money: tuple[Mention, _Run] | None = None
    prev_money_block = -10
    listed: set[tuple[int, int]] = set()
    shared_total: Fact | None = None
    chain: list[FundListing] = []
    last_listing_block: int | None = None
    taken: set[int] = set()
    body = [b.index for b in analysis.document.blocks if b.kind == "paragraph" and b.is_body]
    last_body = body[-1] if body else -1
    for block in analysis.document.blocks:
        if block.kind != "paragraph" or not block.is_body:
            continue
        mentions = by_block.get(block.index, [])
        runs = _sentences(block, mentions)
        for idx, run in enumerate(runs):
            found = _listing(run)
            if found is None:
                if run.mentions and chain and _trailing_total(run):
                    closing = _fact([m for m in run.mentions if m.kind == "money"][-1])
                    for listing in chain:
                        listing.total = closing
                if run.mentions:
                    shared_total = None
                    chain = []
                continue
            group, items, subtotal, lead_total, opened = found
            listed.add((block.index, run.start))
            if block.index == last_body and run.end >= len(block.text.rstrip()) and not re.search(
                    rf"[{re.escape(marks('sentence_ends', 'stop_point'))}]\s*$", block.text):
                lead_total = subtotal = None  # the text breaks off inside the listing: its sum is unknown
            total_m = lead_total
            follows_listing = last_listing_block is not None and (
                last_listing_block == block.index or last_listing_block == block.index - 1)
            if total_m is None:
                recent = prev_money if block.index - prev_money_block <= 2 else None
                items_sum = sum((m.low for _, m in items), Decimal(0))
                prior = _preceding_total(runs, idx, recent, listed, opened, items_sum)
                if follows_listing and chain and group is not None and shared_total is not None:
                    total = shared_total
                else:
                    total = _fact(prior) if prior is not None else None
            else:
                total = _fact(total_m)
            shared_total = total
            last_listing_block = block.index
            key = tuple((name, str(m.low)) for name, m in items)
            if key in seen:
                indices = seen[key]
            else:
                indices = []
                for name, m in items:
                    indices.append(len(report.fund_items))
                    report.fund_items.append(FundItem(name=name, value=m.low, text=m.text, group=group,
                                                      provenance=m.provenance))
                seen[key] = indices
            first = items[0][1].provenance
            listing = FundListing(
                items=list(indices), group=group, total=total,
                subtotal=_fact(subtotal) if subtotal is not None else None,
                provenance=block.provenance.at(block.index, run.start, run.end) if first else None,
            )
            report.fund_listings.append(listing)
            taken.add(block.index)
            # Groups listed one after another ("甲：…；乙：…") may be closed together by "以上合计…";
            # a listing with its own total or subtotal, or without a group, stands alone.
            open_group = group is not None and lead_total is None
            same_block = bool(chain) and chain[-1].provenance is not None and (
                chain[-1].provenance.block == block.index)
            closed = subtotal is not None or any(g.subtotal is not None for g in chain)
            if not (follows_listing and chain and open_group and (same_block or not closed)):
                chain = []
            if open_group:
                chain.append(listing)
        with_money = [r for r in runs if any(m.kind == "money" for m in r.mentions)]
        if with_money:
            last = with_money[-1]
            prev_money = ([m for m in last.mentions if m.kind == "money"][-1], last)
            prev_money_block = block.index
    line_listings(analysis, by_block, taken)
    amount_first_listings(analysis, by_block, taken)


def _line_item(block: Block, mentions: list[Mention]) -> tuple[str, Mention] | None:
    """A paragraph that is one item: "（1）人员经费30万元；" → ("人员经费", 30万元)."""
    conf = rules("funds")
    money = [m for m in mentions if m.kind == "money" and not m.is_range]
    if len(money) != 1 or money[0].qualifier in ("approx", "more_than") or len(block.text) > 50:
        return None
    m = money[0]
    if block.text[m.provenance.end or 0:].strip(" ，,。；;.") != "":
        return None
    raw = block.text[:m.provenance.start or 0]
    name = _clean_name(raw)
    if _is_total(raw) or (not name or any(ch in marks("clause_marks", "sentence_ends") for ch in name)
            or len(name) > int(conf["max_name_chars"])
            or any(w in simplified(name) for w in conf["fact_words"])
            or any(simplified(name).startswith(w) for w in conf["rate_words"])):
        return None
    return name, m


def line_listings(analysis: Analysis, by_block: dict[int, list[Mention]], taken: set[int]) -> None:
    """Items written one per paragraph under a lead line ("其中：" / "专项工作：") become one listing."""
    report = analysis.report
    body = [b for b in analysis.document.blocks if b.kind == "paragraph" and b.is_body]
    k = 0
    while k < len(body):
        run: list[tuple[Block, str, Mention]] = []
        j = k
        while j < len(body) and body[j].index not in taken:
            item = _line_item(body[j], by_block.get(body[j].index, []))
            if item is None:
                break
            run.append((body[j], *item))
            j += 1
        if len(run) < int(rules("funds")["min_items"]):
            k = max(j, k + 1)
            continue
        lead = body[k - 1] if k > 0 else None
        group, total = None, None
        if lead is not None and re.search(r"[：:]\s*$", lead.text) and len(lead.text) <= 40:
            head = _clean_name(re.sub(r"[：:]\s*$", "", lead.text))
            lead_money = [m for m in by_block.get(lead.index, []) if m.kind == "money"]
            if lead_money:
                total = _fact(lead_money[-1])
            elif head and not re.search(r"如下|具体|情况|明细|包括|其中|\d", head):
                group = head
        if j < len(body) and _trailing_total(_Run(body[j], 0, len(body[j].text),
                                                  by_block.get(body[j].index, []))):
            closing = [m for m in by_block.get(body[j].index, []) if m.kind == "money"]
            if closing:
                total = _fact(closing[-1])
        indices = []
        for _, name, m in run:
            indices.append(len(report.fund_items))
            report.fund_items.append(FundItem(name=name, value=m.low, text=m.text, group=group,
                                              provenance=m.provenance))
        first = run[0][0]
        report.fund_listings.append(FundListing(
            items=indices, group=group, total=total,
            provenance=first.provenance.at(first.index, 0, len(first.text)),
        ))
        k = j


_AMOUNT_FIRST = re.compile(r"^\s*(?:其中\s*[:：，,]?\s*)?$")


def amount_first_listings(analysis: Analysis, by_block: dict[int, list[Mention]], taken: set[int]) -> None:
    """"其中：30万元用于甲；30万元用于乙；29.99万元用于丙。" — items whose amount comes before the name."""
    report = analysis.report
    for block in analysis.document.blocks:
        if block.kind != "paragraph" or not block.is_body or block.index in taken:
            continue
        text = block.text
        money = [m for m in by_block.get(block.index, []) if m.kind == "money" and not m.is_range]
        start = 0
        for end in [i for i, ch in enumerate(text) if ch in marks("full_stops")] + [len(text)]:
            inside = [m for m in money if start <= (m.provenance.start or 0) < end]
            items = _amount_first_items(text, start, end, inside)
            if items is not None:
                before = [m for m in money if (m.provenance.start or 0) < start]
                sentence_before = text[text.rfind("。", 0, max(0, start - 1)) + 1:start]
                total = before[-1] if before and (m_in := before[-1]).provenance.start is not None and (
                    m_in.provenance.start >= start - len(sentence_before) - 1) else None
                indices = []
                for name, m in items:
                    indices.append(len(report.fund_items))
                    report.fund_items.append(FundItem(name=name, value=m.low, text=m.text, group=None,
                                                      provenance=m.provenance))
                report.fund_listings.append(FundListing(
                    items=indices, total=_fact(total) if total is not None else None,
                    provenance=block.provenance.at(block.index, start, end)))
                taken.add(block.index)
            start = end + 1


def _amount_first_items(text: str, start: int, end: int,
                        money: list[Mention]) -> list[tuple[str, Mention]] | None:
    if len(money) < int(rules("funds")["min_items"]):
        return None
    out: list[tuple[str, Mention]] = []
    for k, m in enumerate(money):
        lead_from = (money[k - 1].provenance.end or 0) if k else start
        lead = text[lead_from:m.provenance.start or 0]
        lead = lead.split("：")[-1].split(":")[-1] if k == 0 else re.split(r"[；;，,]", lead)[-1]
        if not _AMOUNT_FIRST.match(lead.strip(" ，,；;")):
            return None
        stop = (money[k + 1].provenance.start or end) if k + 1 < len(money) else end
        tail = text[m.provenance.end or 0:stop]
        found = re.match(r"\s*(?:用于|为)\s*([^，,；;。]+)", tail)
        if found is None:
            return None
        name = _clean_name(found.group(1))
        if not name or len(name) > int(rules("funds")["max_name_chars"]):
            return None
        out.append((name, m))
    return out
