/**
 * The eighteen characteristics of the characteristic analysis model (特征分析模型,
 * credit-method.md §2), in the method's order, with default weights summing to 100.
 */
export const CHARACTERISTICS = [
  { key: "appearance", group: "own", en: "Appearance / reputation", zh: "外表印象", weight: 4 },
  { key: "management", group: "own", en: "Organization & management", zh: "组织管理", weight: 5 },
  { key: "productMarket", group: "own", en: "Products & market", zh: "产品与市场", weight: 6 },
  { key: "competitiveness", group: "own", en: "Market competitiveness", zh: "市场竞争性", weight: 5 },
  { key: "operations", group: "own", en: "Operating condition", zh: "经营状况", weight: 6 },
  { key: "prospects", group: "own", en: "Prospects", zh: "发展前景", weight: 4 },
  { key: "dealMargin", group: "priority", en: "Transaction margin", zh: "交易利润率", weight: 5 },
  { key: "productFit", group: "priority", en: "Product requirements", zh: "对产品的要求", weight: 3 },
  { key: "marketAttraction", group: "priority", en: "Effect on our market attractiveness", zh: "对市场吸引力的影响", weight: 3 },
  { key: "competitiveImpact", group: "priority", en: "Effect on our competitiveness", zh: "对市场竞争力的影响", weight: 3 },
  { key: "guarantee", group: "priority", en: "Guarantee conditions", zh: "担保条件", weight: 6 },
  { key: "substitutability", group: "priority", en: "Substitutability", zh: "可替代性", weight: 5 },
  { key: "paymentRecord", group: "credit", en: "Payment record", zh: "付款记录", weight: 12 },
  { key: "bankCredit", group: "credit", en: "Bank credit", zh: "银行信用", weight: 7 },
  { key: "profitability", group: "credit", en: "Profitability", zh: "获利能力", weight: 6 },
  { key: "balanceSheet", group: "credit", en: "Balance sheet", zh: "资产负债表评估", weight: 7 },
  { key: "solvency", group: "credit", en: "Solvency", zh: "偿债能力", weight: 7 },
  { key: "capital", group: "credit", en: "Capital size", zh: "资本总额", weight: 6 },
] as const;

export type CharacteristicKey = (typeof CHARACTERISTICS)[number]["key"];
export const CHARACTERISTIC_KEYS: readonly CharacteristicKey[] = CHARACTERISTICS.map((c) => c.key);
export const CHARACTERISTIC_COUNT = CHARACTERISTICS.length; // 18
