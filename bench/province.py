"""A synthetic province-sized responsibility network, in the vocabulary the extractor writes.

One province and its party committee; a prefecture per 2,000 villages; a county per 100 villages, each with its
party committee, its "五個一" coordination group (led by the deputy secretary's post), five dispatching units, a
finance bureau, ten towns, three responsibility lists and a funding standard; per village a first secretary's
post, a work team, an agricultural technician and the village's poor households, assigned, coordinated and
dispatched as the articles say. Every edge is reified by an ``fp:Statement`` that cites a span of the county's
"article" (one named graph per county); the province and prefecture levels are background statements.
About 100 triples per village: 10,000 villages make about 1M triples.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.namespaces import FP, ID, NIF, ORG, PROV, RDF, RDFS

__all__ = ["province"]

N = ox.NamedNode
TYPE, LABEL = N(RDF + "type"), N(RDFS + "label")


class _Writer:
    def __init__(self):
        self.quads: list[ox.Quad] = []
        self.graph = ox.DefaultGraph()
        self.statements = 0

    def node(self, iri: str, cls: str, hant: str, hans: str, en: str) -> ox.NamedNode:
        s = N(iri)
        g = self.graph
        self.quads += [
            ox.Quad(s, TYPE, N(cls), g),
            ox.Quad(s, LABEL, ox.Literal(hant, language="zh-Hant"), g),
            ox.Quad(s, LABEL, ox.Literal(hans, language="zh-Hans"), g),
            ox.Quad(s, LABEL, ox.Literal(en, language="en"), g),
        ]
        return s

    def span(self, context: ox.NamedNode, begin: int, text: str) -> ox.NamedNode:
        span = N(f"{context.value}#char={begin},{begin + len(text)}")
        g = self.graph
        self.quads += [
            ox.Quad(span, TYPE, N(NIF + "OffsetBasedString"), g),
            ox.Quad(
                span,
                N(NIF + "beginIndex"),
                ox.Literal(str(begin), datatype=N("http://www.w3.org/2001/XMLSchema#integer")),
                g,
            ),
            ox.Quad(
                span,
                N(NIF + "endIndex"),
                ox.Literal(str(begin + len(text)), datatype=N("http://www.w3.org/2001/XMLSchema#integer")),
                g,
            ),
            ox.Quad(span, N(NIF + "anchorOf"), ox.Literal(text), g),
            ox.Quad(span, N(NIF + "referenceContext"), context, g),
        ]
        return span

    def edge(self, s, p: str, o, span, basis: str = "Explicit") -> None:
        g = self.graph
        self.statements += 1
        st = N(f"{ID}synthetic/statement/{self.statements}")
        self.quads += [
            ox.Quad(s, N(p), o, g),
            ox.Quad(st, TYPE, N(FP + "Statement"), g),
            ox.Quad(st, N(RDF + "subject"), s, g),
            ox.Quad(st, N(RDF + "predicate"), N(p), g),
            ox.Quad(st, N(RDF + "object"), o, g),
            ox.Quad(st, N(FP + "basis"), N(FP + basis), g),
        ]
        if span is not None:
            self.quads.append(ox.Quad(st, N(PROV + "wasDerivedFrom"), span, g))


def province(villages: int) -> list[ox.Quad]:
    """The quads of a province with ``villages`` poor villages (rounded up to whole counties of 100)."""
    w = _Writer()
    sid = f"{ID}synthetic/"
    province_place = w.node(f"{sid}place/province", FP + "Province", "川南省", "川南省", "Chuannan province")
    province_committee = w.node(
        f"{sid}org/province-committee", FP + "PartyCommittee", "川南省委", "川南省委", "Chuannan party committee"
    )
    counties = max(1, -(-villages // 100))
    prefectures = {}
    for c in range(counties):
        pref = c // 20
        w.graph = N(f"{sid}graph/county-{c}")
        context = N(f"{sid}article/county-{c}")
        if pref not in prefectures:
            pp = w.node(
                f"{sid}place/prefecture-{pref}",
                FP + "PrefectureLevelCity",
                f"第{pref}市",
                f"第{pref}市",
                f"Prefecture {pref}",
            )
            pc = w.node(
                f"{sid}org/prefecture-{pref}-committee",
                FP + "PartyCommittee",
                f"第{pref}市委",
                f"第{pref}市委",
                f"Prefecture {pref} party committee",
            )
            w.edge(pp, FP + "withinDivision", province_place, None, "Background")
            w.edge(pc, FP + "subordinateTo", province_committee, None, "Background")
            prefectures[pref] = (pp, pc)
        pp, pc = prefectures[pref]
        county = w.node(f"{sid}place/county-{c}", FP + "County", f"第{c}縣", f"第{c}县", f"County {c}")
        committee = w.node(
            f"{sid}org/county-{c}-committee",
            FP + "PartyCommittee",
            f"第{c}縣委",
            f"第{c}县委",
            f"County {c} party committee",
        )
        intro = w.span(context, 0, f"第{c}縣按照省委、市委要求")
        w.edge(county, FP + "withinDivision", pp, intro, "Background")
        w.edge(committee, FP + "subordinateTo", pc, None, "Background")
        w.edge(county, FP + "followsRequirementsOf", province_committee, intro)
        w.edge(county, FP + "followsRequirementsOf", pc, intro)
        group = w.node(
            f"{sid}org/county-{c}-group",
            FP + "CoordinationGroup",
            f"第{c}縣“五個一”協調小組",
            f"第{c}县“五个一”协调小组",
            f"County {c} coordination group",
        )
        deputy = w.node(
            f"{sid}post/county-{c}-deputy-secretary",
            ORG + "Post",
            f"第{c}縣委副書記",
            f"第{c}县委副书记",
            f"County {c} deputy party secretary",
        )
        lead = w.span(context, 20, "成立協調小組，以縣委副書記任組長")
        w.edge(group, FP + "subordinateTo", committee, lead, "Implicit")
        w.edge(group, FP + "ledBy", deputy, lead)
        w.edge(deputy, ORG + "postIn", committee, lead, "Implicit")
        units = []
        for u in range(5):
            unit = w.node(
                f"{sid}org/county-{c}-unit-{u}",
                FP + "DispatchingUnit",
                f"第{c}縣選派單位{u}",
                f"第{c}县选派单位{u}",
                f"County {c} dispatching unit {u}",
            )
            w.edge(unit, ORG + "subOrganizationOf", committee, lead, "Implicit")
            units.append(unit)
        finance = w.node(
            f"{sid}org/county-{c}-finance",
            FP + "FinanceBureau",
            f"第{c}縣財政",
            f"第{c}县财政",
            f"County {c} finance bureau",
        )
        standard = w.node(
            f"{sid}funding/county-{c}",
            FP + "FundingStandard",
            "第一書記工作經費",
            "第一书记工作经费",
            "first secretary office funds",
        )
        money = w.span(context, 40, "縣財政按每人每年5000元標準安排第一書記工作經費")
        w.edge(standard, FP + "payer", finance, money)
        lists = [
            w.node(f"{sid}list/county-{c}-{k}", FP + "ResponsibilityList", name, name, en)
            for k, (name, en) in enumerate(
                (("問題清單", "problem list"), ("任務清單", "task list"), ("責任清單", "responsibility list"))
            )
        ]
        towns = [
            w.node(
                f"{sid}place/county-{c}-town-{t}",
                FP + "Town",
                f"第{c}縣{t}鎮",
                f"第{c}县{t}镇",
                f"Town {t} of county {c}",
            )
            for t in range(10)
        ]
        for t in towns:
            w.edge(t, FP + "withinDivision", county, None, "Background")
        for v in range(100):
            n = c * 100 + v
            begin = 100 + 40 * v
            village = w.node(f"{sid}place/village-{n}", FP + "PoorVillage", f"{n}村", f"{n}村", f"Village {n}")
            fs = w.node(
                f"{sid}post/village-{n}-first-secretary",
                ORG + "Post",
                f"{n}村第一書記",
                f"{n}村第一书记",
                f"First secretary of village {n}",
            )
            team = w.node(
                f"{sid}org/village-{n}-work-team",
                FP + "WorkTeam",
                f"{n}村駐村工作組",
                f"{n}村驻村工作组",
                f"Work team of village {n}",
            )
            tech = w.node(
                f"{sid}post/village-{n}-technician",
                ORG + "Post",
                f"{n}村農技員",
                f"{n}村农技员",
                f"Technician of village {n}",
            )
            homes = w.node(
                f"{sid}set/village-{n}-households",
                FP + "EntitySet",
                f"{n}村貧困戶",
                f"{n}村贫困户",
                f"Poor households of village {n}",
            )
            said = w.span(context, begin, f"選派第一書記、工作組、農技員到{n}村")
            w.edge(village, FP + "withinDivision", towns[v % 10], said, "Implicit")
            w.edge(fs, FP + "assignedTo", village, said)
            w.edge(fs, FP + "coordinatedBy", group, said, "Implicit")
            w.edge(fs, FP + "dispatchedBy", units[v % 5], said)
            w.edge(team, FP + "assignedTo", village, said)
            w.edge(team, FP + "dispatchedBy", units[v % 5], said)
            w.edge(tech, FP + "assignedTo", village, said)
            w.edge(homes, FP + "withinDivision", village, said, "Implicit")
            if v % 10 == 0:  # the lists and the standard name the first secretaries once per town
                for lst in lists:
                    w.edge(lst, FP + "decomposedTo", fs, said)
                w.edge(standard, FP + "recipient", fs, money)
    return w.quads
