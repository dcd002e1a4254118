/** English and Chinese names of the input tables (credit-method.md §1), for labels. */
import type { InputTableKind } from "../../app/types";

export const TABLE_LABELS: Readonly<Record<InputTableKind, { en: string; zh: string }>> = {
  customers: { en: "Customers", zh: "客户" },
  financials: { en: "Financials", zh: "财务数据" },
  receivables: { en: "Receivables", zh: "应收账款" },
  orders: { en: "Orders", zh: "未发货订单" },
  policy: { en: "Policy", zh: "信用政策" },
};
