import { tablePartFacts } from "../../../src/host/xlsx/repairLoadedTables";

describe("tablePartFacts", () => {
  it("answers undefined for XML that is not a table part", () => {
    expect(tablePartFacts("<worksheet/>")).toBeUndefined();
    expect(tablePartFacts('<table ref="A1:B2"></table>')).toBeUndefined();
  });

  it.each([
    // Excel omits headerRowCount: the default is a header row.
    ['<table id="1" name="T" displayName="T" ref="A1:B3"><autoFilter ref="A1:B3"/><tableColumns count="2"><tableColumn id="1" name="a"/><tableColumn id="2" name="b"/></tableColumns></table>', { name: "T", headerRow: true, filterButtons: [true, true] }],
    ['<table name="T" headerRowCount="0" ref="A1:B3"><tableColumns count="2"><tableColumn id="1" name="a"/><tableColumn id="2" name="b"/></tableColumns></table>', { name: "T", headerRow: false, filterButtons: [false, false] }],
    ['<table name="T" ref="A1:B3"><tableColumns count="2"><tableColumn id="1" name="a"/><tableColumn id="2" name="b"/></tableColumns></table>', { name: "T", headerRow: true, filterButtons: [false, false] }],
    ['<x:table displayName="D" name="T" ref="A1:C3"><x:autoFilter ref="A1:C3"><x:filterColumn hiddenButton="1" colId="1"/></x:autoFilter><x:tableColumns count="3"><x:tableColumn id="1" name="a"/><x:tableColumn id="2" name="b"/><x:tableColumn id="3" name="c"/></x:tableColumns></x:table>', { name: "T", headerRow: true, filterButtons: [true, false, true] }],
  ])("reads header row and filter buttons of %s", (xml, facts) => {
    expect(tablePartFacts(xml)).toMatchObject(facts);
  });

  it("reads the range, totals row and decoded column names", () => {
    const xml = '<table id="3" name="T" ref="B2:C9" totalsRowCount="1"><autoFilter ref="B2:C8"/><tableColumns count="2"><tableColumn id="1" name="Id &amp; ref"/><tableColumn id="2" name="Amount" totalsRowFunction="sum"/></tableColumns></table>';
    expect(tablePartFacts(xml)).toEqual({ name: "T", ref: "B2:C9", headerRow: true, totalsRow: true, columns: ["Id & ref", "Amount"], filterButtons: [true, true] });
    expect(tablePartFacts('<table name="T" ref="A1:A2" totalsRowShown="0"><tableColumns count="1"><tableColumn id="1" name="a"/></tableColumns></table>')?.totalsRow).toBe(false);
  });
});
