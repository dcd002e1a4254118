import { mergeStyles } from "../../../src/host/xlsx/mergeStyles";

const target =
  '<styleSheet xmlns="x"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>' +
  '<fonts count="1"><font><sz val="10"/><name val="Arial"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><tableStyles count="0"/></styleSheet>';

const added =
  '<styleSheet xmlns="x"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="1" fillId="0" borderId="0" xfId="0"/><xf numFmtId="4" fontId="1" fillId="1" borderId="0" xfId="0"><alignment wrapText="1"/></xf></cellXfs>' +
  '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font></dxf></dxfs></styleSheet>';

describe("mergeStyles", () => {
  it("refuses a part that is not unprefixed SpreadsheetML", () => {
    expect(() => mergeStyles("<x:styleSheet/>", added)).toThrow();
  });

  it("appends new fonts, number formats, cell formats and dxfs, reusing identical ones, and updates the counts", () => {
    const merged = mergeStyles(target, added);
    expect(merged.xml).toContain('<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts>');
    expect(merged.xml).toContain('<fonts count="3">');
    expect(merged.xml).toContain('<fills count="2">');
    expect(merged.xml).toContain('<borders count="1">');
    expect(merged.xml).toContain('<cellXfs count="6">');
    // A missing dxfs list is inserted at its schema place (before tableStyles).
    expect(merged.xml).toMatch(/<\/cellStyles><dxfs count="1"><dxf>.*<\/dxfs><tableStyles/);
  });

  it.each([
    [0, 2, '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0"/>'],
    [1, 3, '<xf numFmtId="165" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'],
    [2, 4, '<xf numFmtId="164" fontId="2" fillId="0" borderId="0" xfId="0"/>'],
    [3, 5, '<xf numFmtId="4" fontId="2" fillId="1" borderId="0" xfId="0"><alignment wrapText="1"/></xf>'],
  ])("maps the added cell format %i to %i with its ids rewritten", (from, to, xf) => {
    const merged = mergeStyles(target, added);
    expect(merged.cellXf(from)).toBe(to);
    expect(merged.xml).toContain(xf);
  });

  it("maps dxfs and refuses indices the added part does not have", () => {
    const merged = mergeStyles(target, added);
    expect(merged.dxf(0)).toBe(0);
    expect(() => merged.cellXf(9)).toThrow();
    expect(() => merged.dxf(1)).toThrow();
  });

  it("is idempotent: merging the same styles again adds nothing", () => {
    const once = mergeStyles(target, added);
    const twice = mergeStyles(once.xml, added);
    expect(twice.xml).toBe(once.xml);
    expect([0, 1, 2, 3].map((i) => twice.cellXf(i))).toEqual([0, 1, 2, 3].map((i) => once.cellXf(i)));
  });
});
