/**
 * The glossary: each domain term of the method with its English and Chinese words
 * (../shared/docs/glossary-zh.md, from credit-method.md and its Chinese sources). Every surface
 * that names a term (pane, output sheets, function metadata, CLI) takes the word from here or
 * from a catalogue message checked against it (test/i18n/catalogues.test.ts).
 *
 * `zh` is the word the product uses; `zhAlso` the other words the sources use for the same term
 * (header aliases and search accept them too). The sources' 帐 is written 账, as modern finance
 * usage and Chinese Excel do. `ours` marks a term the product introduces.
 */
import type { Locale } from "./locale";

export interface GlossaryTerm {
  en: string;
  zh: string;
  zhAlso?: readonly string[];
  note?: string;
  ours?: boolean;
}

export const GLOSSARY = {
  // Functions of credit management
  tradeCredit: { en: "trade credit", zh: "赊销" },
  creditSalesManagement: { en: "credit sales management", zh: "信用销售管理", zhAlso: ["赊销管理"] },
  creditManagement: { en: "credit management", zh: "信用管理" },
  creditGranting: { en: "credit granting", zh: "授信", note: "授信管理 = granting and limits" },
  customerCreditStandingManagement: { en: "customer credit standing management", zh: "客户资信管理", note: "事前管理 (before the sale)" },
  orderManagement: { en: "order management", zh: "赊销订单管理", note: "事中管理 (during)" },
  receivablesManagement: { en: "receivables management", zh: "应收账款管理", note: "事后管理 (after)" },
  creditInvestigation: { en: "credit investigation", zh: "资信调查" },
  creditEvaluation: { en: "credit evaluation", zh: "信用评估" },
  creditPolicy: { en: "credit policy", zh: "信用政策" },
  creditFile: { en: "credit file", zh: "客户资信档案", zhAlso: ["客户资信数据库"] },

  // Scoring and grades
  characteristicModel: { en: "characteristic analysis model", zh: "客户特征分析模型" },
  characteristic: { en: "characteristic", zh: "特征" },
  groupOwn: { en: "customer's own characteristics", zh: "客户自身特征" },
  groupPriority: { en: "priority characteristics", zh: "客户优先性特征" },
  groupCredit: { en: "credit and financial characteristics", zh: "信用及财务特征" },
  weight: { en: "weight", zh: "权数" },
  score: { en: "score", zh: "特征评分", note: "0 = 无资料信息 (no information)" },
  noInformation: { en: "no information", zh: "无资料信息" },
  maximumScore: { en: "maximum score", zh: "最大评分值" },
  weightedScore: { en: "weighted score", zh: "加权评分值" },
  compositeScore: { en: "composite score", zh: "综合评分值" },
  informationCoverage: { en: "information coverage", zh: "信息覆盖率", ours: true },
  creditGrade: { en: "credit grade", zh: "信用等级", zhAlso: ["客户综合信用评级"] },
  gradeA: { en: "low-risk customer", zh: "无风险客户" },
  gradeB: { en: "acceptable-risk customer", zh: "可接受风险客户" },
  gradeC: { en: "high-risk customer", zh: "高风险客户" },
  gradeD: { en: "unacceptable-risk customer", zh: "不可接受风险客户" },
  gradeR: { en: "key account at risk", zh: "有风险的大客户", note: "decided by senior management (公司高层领导)" },
  seniorManagement: { en: "senior management", zh: "公司高层领导" },
  letterRating: { en: "letter rating", zh: "信用评级" },
  riskPotentialMatrix: { en: "risk × cooperation-potential matrix", zh: "风险—合作潜力矩阵" },
  quadrant1: { en: "base customer", zh: "基础客户" },
  quadrant2: { en: "require cash or prepayment", zh: "要求现金或预付" },
  quadrant3: { en: "credit customer", zh: "赊销客户" },
  quadrant4: { en: "needs credit investigation", zh: "需做资信调查" },
  keyAccount: { en: "key account", zh: "重要客户", zhAlso: ["大客户"], note: "re-investigated every six months (每半年)" },

  // The 18 characteristics (credit-method.md §2)
  appearance: { en: "appearance", zh: "外表现象", zhAlso: ["外表印象"] },
  management: { en: "organisation and management", zh: "组织管理" },
  productMarket: { en: "products and market", zh: "产品与市场" },
  competitiveness: { en: "market competitiveness", zh: "市场竞争性" },
  operations: { en: "operating condition", zh: "经营状况" },
  prospects: { en: "prospects", zh: "发展前景" },
  dealMargin: { en: "transaction margin", zh: "交易利润率" },
  productFit: { en: "product requirements", zh: "对产品的要求" },
  marketAttraction: { en: "effect on our market attractiveness", zh: "对市场吸引力影响", zhAlso: ["对市场吸引力的影响"] },
  competitiveImpact: { en: "effect on our competitiveness", zh: "对市场竞争力影响", zhAlso: ["对市场竞争力的影响"] },
  guarantee: { en: "guarantee conditions", zh: "担保条件" },
  substitutability: { en: "substitutability", zh: "可替代性" },
  paymentRecord: { en: "payment record", zh: "付款记录" },
  bankCredit: { en: "bank credit", zh: "银行信用" },
  profitability: { en: "profitability", zh: "获利能力", zhAlso: ["盈利能力"] },
  balanceSheet: { en: "balance sheet evaluation", zh: "资产负债表评估" },
  solvency: { en: "solvency", zh: "偿债能力" },
  capital: { en: "capital size", zh: "资本总额", zhAlso: ["资本规模"] },

  // Limits and orders
  creditLimit: { en: "credit limit", zh: "信用限额", zhAlso: ["信用额度"] },
  approvedLimit: { en: "approved limit", zh: "核定额度", zhAlso: ["核定信用额度"], ours: true },
  recommendedLimit: { en: "recommended limit", zh: "建议额度", ours: true },
  transactionValue: { en: "transaction value", zh: "交易价值", note: "limit basis: need" },
  workingAssets: { en: "working assets", zh: "营运资产" },
  netWorth: { en: "net worth", zh: "净资产", zhAlso: ["清算价值"], note: "liquidation value" },
  returnEqualsRisk: { en: "return equals risk", zh: "收益与风险对等", note: "limit basis: profit" },
  bindingBasis: { en: "binding basis", zh: "约束依据", ours: true },
  collateral: { en: "collateral", zh: "担保", zhAlso: ["担保条件"] },
  exposure: { en: "exposure", zh: "信用风险敞口", note: "receivables + open orders" },
  utilisation: { en: "utilisation", zh: "额度使用率" },
  orderCreditCheck: { en: "order credit check", zh: "赊销订单评审" },
  approvalSalesperson: { en: "salesperson's first review", zh: "销售人员初审" },
  approvalSalesManager: { en: "sales manager's approval", zh: "销售经理批准" },
  approvalCreditStaff: { en: "credit staff's check", zh: "信用人员审核" },
  approvalCreditManager: { en: "credit manager's approval", zh: "信用经理审批" },
  approvalExecutive: { en: "executive's approval", zh: "主管领导审批" },
  creditApplication: { en: "credit application", zh: "客户信用申请", zhAlso: ["信用申请表"] },
  admissionConditions: { en: "admission conditions", zh: "准入条件" },
  paymentTerms: { en: "payment terms", zh: "付款条件" },
  creditPeriod: { en: "credit period", zh: "信用期限" },
  settlementMethod: { en: "settlement method", zh: "结算方式" },
  cashDiscount: { en: "cash discount", zh: "现金折扣", note: "付款鼓励措施" },
  lateInterest: { en: "late-payment interest", zh: "延期付款利息" },

  // Receivables and collections
  accountsReceivable: { en: "accounts receivable", zh: "应收账款", zhAlso: ["应收帐款"] },
  aging: { en: "aging", zh: "账龄", zhAlso: ["帐龄"] },
  agingBucket: { en: "aging bucket", zh: "账龄区间" },
  notYetDue: { en: "not yet due", zh: "未到期" },
  overdue: { en: "overdue", zh: "逾期" },
  daysPastDue: { en: "days past due", zh: "逾期天数" },
  overdueRatio: { en: "overdue ratio", zh: "逾期应收账款率" },
  otcWorldClass: { en: "world class", zh: "高效率", note: "0–5 % overdue (世界一流)" },
  otcEffective: { en: "effective", zh: "有效率", note: "5–15 %" },
  otcInefficient: { en: "inefficient", zh: "效率低下", note: "15–30 %" },
  otcCollapse: { en: "on the verge of collapse", zh: "崩溃边缘", note: "> 30 %" },
  orderToCash: { en: "order-to-cash (OTC)", zh: "销售—回款业务流程 (OTC)" },
  dso: { en: "DSO", zh: "应收账款变现天数 (DSO)" },
  bestPossibleDso: { en: "best possible DSO", zh: "最佳可能 DSO" },
  averageDaysDelinquent: { en: "average days delinquent (ADD)", zh: "平均逾期天数" },
  cei: { en: "collection effectiveness index (CEI)", zh: "催收效率指数" },
  averageDaysLate: { en: "average days late", zh: "平均拖欠天数" },
  collections: { en: "collections", zh: "账款催收" },
  dunning: { en: "dunning", zh: "催款" },
  collectionAction: { en: "collection action", zh: "催收措施" },
  dispute: { en: "dispute", zh: "交易纠纷" },
  creditNote: { en: "credit note", zh: "贷项通知单", zhAlso: ["红字发票"] },
  unappliedCash: { en: "unapplied cash", zh: "未核销收款" },
  badDebt: { en: "bad debt", zh: "坏账" },
  allowance: { en: "bad-debt allowance", zh: "坏账准备" },
  writeOff: { en: "write-off", zh: "核销" },
  earlyWarning: { en: "early warning", zh: "风险预警" },

  // Analysis and models
  marginalAnalysis: { en: "marginal analysis", zh: "边际分析法" },
  probabilityOfDefault: { en: "probability of default (PD)", zh: "违约概率" },
  lossGivenDefault: { en: "loss given default (LGD)", zh: "违约损失率" },
  expectedLoss: { en: "expected loss", zh: "预期损失" },
  scorecard: { en: "scorecard", zh: "评分卡" },
  points: { en: "points", zh: "分值" },
  weightOfEvidence: { en: "weight of evidence (WOE)", zh: "证据权重 (WOE)" },
  informationValue: { en: "information value (IV)", zh: "信息值 (IV)" },
  altmanZ: { en: "Altman Z-score", zh: "阿尔特曼 Z 值" },
  safeZone: { en: "safe zone", zh: "安全区" },
  greyZone: { en: "grey zone", zh: "灰色区" },
  distressZone: { en: "distress zone", zh: "危险区" },
  paretoAnalysis: { en: "Pareto (20/80) analysis", zh: "二八分析" },

  // The product's own words
  creditReviewSheet: { en: "Credit Review", zh: "资信评审" },
  agingSheet: { en: "Aging", zh: "账龄分析" },
  collectionsSheet: { en: "Collections", zh: "催收清单" },
  summarySheet: { en: "Summary", zh: "信用管理概览" },
  reviewHistory: { en: "Review History", zh: "评审历史" },
  approvedLimits: { en: "Approved Limits", zh: "核定额度" },
  orderLog: { en: "Order Log", zh: "订单评审记录" },
  asOfDate: { en: "as-of date", zh: "评审基准日" },
  policyFingerprint: { en: "policy fingerprint", zh: "政策指纹" },
  whatIf: { en: "what-if", zh: "情景分析" },
} as const satisfies Record<string, GlossaryTerm>;

export type TermId = keyof typeof GLOSSARY;

export const TERM_IDS = Object.keys(GLOSSARY) as TermId[];

/**
 * The word for a term in a locale.
 * @example termIn("aging", "zh-CN") //=> "账龄"
 * @example termIn("aging", "en-US") //=> "aging"
 */
export function termIn(id: TermId, locale: Locale): string {
  const entry: GlossaryTerm = GLOSSARY[id];
  return locale === "zh-CN" ? entry.zh : entry.en;
}

/**
 * The term a Chinese word names (the product's word or one of the sources' other words).
 * @example termOfZh("盈利能力") //=> "profitability"
 */
export function termOfZh(word: string): TermId | undefined {
  for (const id of TERM_IDS) {
    const entry: GlossaryTerm = GLOSSARY[id];
    if (entry.zh === word || entry.zhAlso?.includes(word)) return id;
  }
  return undefined;
}
