import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BigJs from 'big.js';
import { describe, expect, it } from 'vitest';
import { computeTotals, lineNet, type TotalsLine } from './totals.ts';

// Outside truth: the official EN 16931 example invoices (CII syntax), copied unchanged (EUPL 1.2) into
// shared/reference/en16931/. Our computation from the lines must give the amounts they state.
//
// What is covered, and why the rest is not (pinned in the last test):
// - Line nets (BT-131 = BT-129 × BT-146 / BT-149, rounded) are checked on every line without a
//   line-level allowance or charge, in every example.
// - Full totals from quantity × price (BT-131, BT-106, BT-109, BT-110, BT-112, BG-23):
//   CII-BR-CO-10-RoundingIssue (the rounding trap), CII_example4, CII_example6 and CII_example7
//   (category O, which has no rate: read as 0 %).
// - Totals from the example's own line nets, because some of its lines contradict their own
//   quantity × price (see KNOWN_DEFECTS): CII_business_example_Z, CII_example1, CII_example8,
//   CII_example9.
// - Not covered, allowances or charges our model does not have yet: document level (BG-20/21)
//   in CII_business_example_01, CII_business_example_02, CII_example2, CII_example3,
//   CII_example5, XRechnung-O; line level (BG-27/28) also in most of those and huf_example_cii
//   (whose amounts are moreover rounded to whole forints).

const EXAMPLES_DIR =
  process.env.EN16931_CII_EXAMPLES ??
  fileURLToPath(new URL('../../reference/en16931/cii/examples/', import.meta.url));

// Lines whose stated BT-131 is not their quantity × price, found by reading the files (and the
// UBL versions of the same invoices in ../../ubl/examples). The test asserts that they do differ.
const KNOWN_DEFECTS: Record<string, { lines: number[]; reason: string }> = {
  'CII_example1.xml': {
    lines: [19],
    reason: 'line 20: 6 × 18.33 = 109.98 but BT-131 says -109.98 (a return with a positive quantity)',
  },
  'CII_business_example_Z.xml': {
    lines: [2],
    reason: 'line 16: 1.000 × 1.5000 = 1.50 but BT-131 says 177.41',
  },
  'CII_example8.xml': {
    lines: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    reason:
      'every BasisQuantity (BT-149) repeats the price ("0.00880" per 0.00880 KWH); ubl-tc434-example8.xml, ' +
      'the same invoice, has BaseQuantity 1 or 12',
  },
  'CII_example9.xml': {
    lines: [0],
    reason:
      'BasisQuantity (BT-149) repeats the price (49 per 49 MON); ubl-tc434-example9.xml has BaseQuantity 1',
  },
  'CII_example2.xml': {
    lines: [1, 2, 3, 4],
    reason: 'BasisQuantity (BT-149) repeats the price; ubl-tc434-example2.xml has BaseQuantity 1',
  },
  'CII_business_example_01.xml': {
    lines: [1, 2, 3, 4],
    reason: 'BasisQuantity (BT-149) repeats the price, as in CII_example2.xml (the same invoice)',
  },
};

// ---- A small XML reader: enough for these files, whose elements of interest never nest in
// an element of the same name.

interface XmlElement {
  attributes: string;
  body: string;
}

function elements(xml: string, name: string): XmlElement[] {
  const pattern = new RegExp(`<(?:[\\w-]+:)?${name}(\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w-]+:)?${name}>`, 'g');
  return [...xml.matchAll(pattern)].map((m) => ({ attributes: m[1] ?? '', body: m[2] ?? '' }));
}

function body(xml: string, name: string): string | undefined {
  return elements(xml, name)[0]?.body;
}

/** An xs:decimal ("100.", "+4", "1273.00") in its shortest canonical form ("100", "4", "1273"). */
function plain(decimal: string): string {
  let s = decimal.trim().replace(/^\+/, '');
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  s = s.replace(/^(-?)0+(?=\d)/, '$1');
  if (!/^-?\d+(\.\d+)?$/.test(s)) throw new Error(`not a decimal: "${decimal}"`);
  return s === '-0' ? '0' : s;
}

function amount(xml: string | undefined, name: string): string | undefined {
  const text = xml === undefined ? undefined : body(xml, name);
  return text === undefined ? undefined : plain(text);
}

function required(xml: string | undefined, name: string): string {
  const value = amount(xml, name);
  if (value === undefined) throw new Error(`missing ${name}`);
  return value;
}

interface ExampleLine {
  quantity: string; // BT-129
  price: string; // BT-146
  basis: string | undefined; // BT-149
  rate: string; // BT-152; absent for category O ("not subject to VAT"), read as 0
  statedNet: string; // BT-131
  hasAllowanceCharge: boolean; // BG-27/BG-28
}

interface Example {
  file: string;
  lines: ExampleLine[];
  hasDocumentAllowanceCharge: boolean; // BG-20/BG-21
  netTotal: string; // BT-106
  taxBasis: string; // BT-109
  vatTotal: string; // BT-110 in the invoice currency; absent means no VAT
  grossTotal: string; // BT-112
  breakdown: { rate: string; base: string; amount: string }[]; // BG-23
}

function readExample(file: string): Example {
  const xml = readFileSync(join(EXAMPLES_DIR, file), 'utf8');
  const lines = elements(xml, 'IncludedSupplyChainTradeLineItem').map(({ body: item }): ExampleLine => {
    const price = body(item, 'NetPriceProductTradePrice');
    const tax = body(item, 'ApplicableTradeTax');
    return {
      quantity: required(item, 'BilledQuantity'),
      price: required(price, 'ChargeAmount'),
      basis: amount(price, 'BasisQuantity'),
      rate: amount(tax, 'RateApplicablePercent') ?? '0',
      statedNet: required(body(item, 'SpecifiedTradeSettlementLineMonetarySummation'), 'LineTotalAmount'),
      hasAllowanceCharge: elements(item, 'SpecifiedTradeAllowanceCharge').length > 0,
    };
  });
  const settlement = body(xml, 'ApplicableHeaderTradeSettlement');
  const summation = settlement && body(settlement, 'SpecifiedTradeSettlementHeaderMonetarySummation');
  if (settlement === undefined || summation === undefined) throw new Error(`${file}: no header settlement`);
  const currency = body(settlement, 'InvoiceCurrencyCode')?.trim();
  const vatTotal = elements(summation, 'TaxTotalAmount').find((e) => e.attributes.includes(`"${currency}"`));
  const nonZero = (name: string) => (amount(summation, name) ?? '0') !== '0';
  return {
    file,
    lines,
    hasDocumentAllowanceCharge:
      elements(settlement, 'SpecifiedTradeAllowanceCharge').length > 0 ||
      nonZero('ChargeTotalAmount') ||
      nonZero('AllowanceTotalAmount'),
    netTotal: required(summation, 'LineTotalAmount'),
    taxBasis: required(summation, 'TaxBasisTotalAmount'),
    vatTotal: vatTotal === undefined ? '0' : plain(vatTotal.body),
    grossTotal: required(summation, 'GrandTotalAmount'),
    breakdown: elements(settlement, 'ApplicableTradeTax').map(({ body: tax }) => ({
      rate: amount(tax, 'RateApplicablePercent') ?? '0',
      base: required(tax, 'BasisAmount'),
      amount: required(tax, 'CalculatedAmount'),
    })),
  };
}

// Our lines have no basis quantity: the price per unit is BT-146 / BT-149, kept only when exact.
const Exact = BigJs();
Exact.DP = 40;
Exact.strict = true;

function toTotalsLine(line: ExampleLine): TotalsLine {
  if (line.basis === undefined) return { quantity: line.quantity, unitPrice: line.price, vatRate: line.rate };
  const unitPrice = new Exact(line.price).div(line.basis);
  if (!unitPrice.times(line.basis).eq(line.price))
    throw new Error(`${line.price} / ${line.basis} is not exact`);
  return { quantity: line.quantity, unitPrice: unitPrice.toFixed(), vatRate: line.rate };
}

function expectTotals(example: Example, lines: TotalsLine[]) {
  const totals = computeTotals(lines);
  const ours = {
    netTotal: plain(totals.netTotal),
    taxBasis: plain(totals.netTotal),
    vatTotal: plain(totals.vatTotal),
    grossTotal: plain(totals.grossTotal),
    breakdown: totals.vatBreakdown.map((v) => ({
      rate: v.rate,
      base: plain(v.base),
      amount: plain(v.amount),
    })),
  };
  const byRateDescending = [...example.breakdown].sort((a, b) => new Exact(b.rate).cmp(a.rate));
  expect(totals.invalidLines).toEqual([]);
  expect(ours).toEqual({
    netTotal: example.netTotal,
    taxBasis: example.taxBasis,
    vatTotal: example.vatTotal,
    grossTotal: example.grossTotal,
    breakdown: byRateDescending,
  });
}

const examples = readdirSync(EXAMPLES_DIR)
  .filter((file) => file.endsWith('.xml'))
  .sort()
  .map(readExample);

const checkedLines = examples.flatMap(({ file, lines }) =>
  lines
    .map((line, index) => ({ file, index, line, label: `${file} #${index + 1}` }))
    .filter(({ line }) => !line.hasAllowanceCharge),
);

const withoutAllowanceCharge = examples.filter(
  (e) => !e.hasDocumentAllowanceCharge && e.lines.every((line) => !line.hasAllowanceCharge),
);
const fullyCovered = withoutAllowanceCharge.filter((e) => KNOWN_DEFECTS[e.file] === undefined);
const fromStatedNets = withoutAllowanceCharge.filter((e) => KNOWN_DEFECTS[e.file] !== undefined);

describe('EN 16931 CII examples', () => {
  it.each(checkedLines)('line net of $label', ({ file, index, line }) => {
    const net = lineNet(toTotalsLine(line));
    expect(net).not.toBeNull();
    const defect = KNOWN_DEFECTS[file];
    if (defect?.lines.includes(index)) {
      expect(plain(net ?? ''), defect.reason).not.toBe(line.statedNet);
    } else {
      expect(plain(net ?? '')).toBe(line.statedNet);
    }
  });

  describe.each(fullyCovered)('totals of $file, from quantity × price', (example) => {
    it('match the stated BT-106, BT-109, BT-110, BT-112 and VAT breakdown', () => {
      expectTotals(example, example.lines.map(toTotalsLine));
    });
  });

  describe.each(fromStatedNets)('totals of $file, from its stated line nets', (example) => {
    it('match the stated BT-106, BT-109, BT-110, BT-112 and VAT breakdown', () => {
      expectTotals(
        example,
        example.lines.map((line) => ({ quantity: '1', unitPrice: line.statedNet, vatRate: line.rate })),
      );
    });
  });

  it('covers the rounding trap, and what it covers is on record', () => {
    const names = (list: Example[]) => list.map((e) => e.file);
    const excluded = examples.filter((e) => !withoutAllowanceCharge.includes(e));
    console.info(
      [
        `EN 16931 totals from quantity × price: ${names(fullyCovered).join(', ')}`,
        ...fromStatedNets.map((e) => `from stated line nets: ${e.file} — ${KNOWN_DEFECTS[e.file]?.reason}`),
        `not covered (allowances/charges not in our model): ${names(excluded).join(', ')}`,
      ].join('\n'),
    );
    expect(fullyCovered.length).toBeGreaterThan(0);
    expect(names(fullyCovered)).toContain('CII-BR-CO-10-RoundingIssue.xml');
    expect(names(fullyCovered)).toEqual([
      'CII-BR-CO-10-RoundingIssue.xml',
      'CII_example4.xml',
      'CII_example6.xml',
      'CII_example7.xml',
    ]);
    expect(names(fromStatedNets)).toEqual([
      'CII_business_example_Z.xml',
      'CII_example1.xml',
      'CII_example8.xml',
      'CII_example9.xml',
    ]);
    expect(names(excluded)).toEqual([
      'CII_business_example_01.xml',
      'CII_business_example_02.xml',
      'CII_example2.xml',
      'CII_example3.xml',
      'CII_example5.xml',
      'XRechnung-O.xml',
      'huf_example_cii.xml',
    ]);
  });
});
