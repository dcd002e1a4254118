/**
 * The portfolio as the engine sees it, after the host has read the input tables
 * (credit-method.md §1). Dates are day numbers; money is in currency units
 * (the engine converts to cents where it sums).
 */
import type { DayNumber } from "../dates/dayNumber";
import type { CharacteristicKey } from "../policy/characteristics";
import type { Grade } from "../policy/Policy";
import type { Ledger } from "../receivables/Ledger";

export interface Customer {
  customerId: string;
  name?: string;
  currency?: string;
  paymentTermsDays?: number;
  currentLimit?: number;
  previousGrade?: Grade;
  annualCreditSales?: number;
  /** Gross margin as a fraction (0.25 = 25 %). */
  grossMargin?: number;
  /** Cooperation potential 1..10. */
  potential?: number;
  collateral?: number;
  lastReviewDate?: DayNumber;
  isKeyAccount?: boolean;
  accountOwner?: string;
  /** 0..10 each; 0 (or absent) = no information. */
  scores: Partial<Record<CharacteristicKey, number>>;
}

export interface FinancialPeriod {
  customerId: string;
  periodEnd: DayNumber;
  revenue?: number;
  costOfSales?: number;
  netProfit?: number;
  ebit?: number;
  currentAssets?: number;
  inventory?: number;
  receivables?: number;
  fixedAssets?: number;
  totalAssets?: number;
  currentLiabilities?: number;
  totalLiabilities?: number;
  equity?: number;
  retainedEarnings?: number;
  registeredCapital?: number;
}

export interface ReceivableItem {
  invoiceId: string;
  customerId: string;
  invoiceDate: DayNumber;
  dueDate: DayNumber;
  /** Negative for credit notes and payments on account. */
  amount: number;
  openAmount?: number;
  paidAmount?: number;
  settledDate?: DayNumber;
  currency?: string;
  isDisputed?: boolean;
}

export interface OpenOrder {
  orderId: string;
  customerId: string;
  amount: number;
}

export interface Portfolio {
  customers: Customer[];
  financials: FinancialPeriod[];
  /** The receivables in columns (ledgerOf(items) for a list of ReceivableItems). */
  receivables: Ledger;
  orders: OpenOrder[];
}
