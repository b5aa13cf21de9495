"""Related checks and search keys in a store: an ABC chain, a tenant seen twice."""

from __future__ import annotations

import json

from tests.register_stores import abc_chain, repeated_tenant
from tests.storage.conftest import new_draft
from tests.stores import open_store, read_plain, write_plain
from vastgoedcheck.domain.check import Decision
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.index_file import ROW_CONTENT, as_dict, parse_index
from vastgoedcheck.storage.store import Store


def test_the_abc_chain_links_both_deeds_by_the_house_and_by_the_middle_party(
    store: Store,
) -> None:
    chain = abc_chain(store)
    [found] = [r for r in store.related(chain.b_to_c.id) if r.summary.id == chain.a_to_b.id]
    kinds = [(link.kind, link.role_here, link.role_there) for link in found.related.links]
    assert kinds == [("property", "", ""), ("party", "client", "counterparty")]
    # C is linked to the other house it bought, by name and birth date only
    ids = [r.summary.id for r in store.related(chain.b_to_c.id)]
    assert set(ids) == {chain.a_to_b.id, chain.elsewhere.id}
    assert [r.summary.id for r in store.related(chain.a_to_b.id)] == [chain.b_to_c.id]


def test_a_repeated_tenant_is_found_whatever_the_spelling_but_a_namesake_is_not(
    store: Store,
) -> None:
    tenant = repeated_tenant(store)
    assert [r.summary.id for r in store.related(tenant.again.id)] == [tenant.first.id]
    assert store.related(tenant.namesake.id) == []


def test_search_finds_postcodes_kvk_numbers_ubos_representatives_and_references(
    store: Store,
) -> None:
    chain = abc_chain(store)
    other = new_draft(store, "Eva de Wit")

    def found(text: str) -> set[str]:
        return {summary.id for summary in store.summaries(search=text)}

    both = {chain.a_to_b.id, chain.b_to_c.id}
    assert found("3511AD") == found("3511 ad") == both | {other.id}
    assert found("3511ad 101") == both | {other.id}
    assert found("kerkstraat 7") == {chain.elsewhere.id}
    assert found("61234567") == both
    assert found("bas flipse") == {chain.a_to_b.id}  # representative and UBO of Flip BV
    assert found("akte-1") == {chain.a_to_b.id}


def test_decision_and_report_status_filter_the_listing(store: Store) -> None:
    decided = new_draft(store, "Daan Bakker")
    open_one = new_draft(store, "Eva de Wit")
    store.set_decision(decided.id, Decision("proceed", "Nothing unusual."))
    assert [s.id for s in store.summaries(decision="proceed")] == [decided.id]
    assert [s.id for s in store.summaries(decision="")] == [open_one.id]
    assert {s.id for s in store.summaries(report_status="open")} == {decided.id, open_one.id}
    assert store.summaries(report_status="reported") == []


def test_an_index_from_before_related_checks_is_made_anew_from_the_checks(
    folder, registry: PackRegistry
) -> None:
    with open_store(folder, registry, actor="M. Jansen") as store:
        tenant = repeated_tenant(store)
        store.summaries()
    # An earlier app's index: rows without keys or the postcode without its space, no row
    # format; the check files are unchanged (so their size and time do not give it away).
    index = folder / "index.json"
    rows = [as_dict(row) for row in parse_index(read_plain(index)).rows.values()]
    for row in rows:
        row.pop("match_keys")
        row["search"] = row["search"].replace("3581kl", "")
    old = {"summaries": dict(enumerate(rows)), "state": {"1": {"checks": None}}}
    write_plain(index, json.dumps(old))
    with open_store(folder, registry, actor="M. Jansen", lazy_index=True) as store:
        assert [s.id for s in store.summaries(search="3581kl")] == [tenant.first.id]
        assert [r.summary.id for r in store.related(tenant.again.id)] == [tenant.first.id]
    assert f'"content":{ROW_CONTENT}' in read_plain(index).decode("utf-8")
