/**
 * The Model view (issue 17): fits a default model on the workbook's own Receivables history at
 * the as-of date and shows how good it is: held-out AUC, KS and Gini (and out of time when the
 * ledger reaches back two years), the calibration table, and the information value of every
 * feature. The model is written to the Model sheet, which the next review reads to add PD, points
 * and expected loss. With fewer defaults than the Policy's minimum it says so and fits nothing.
 */
import {
  Button, Card, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text,
  makeStyles, tokens,
} from "@fluentui/react-components";
import { useIntl } from "react-intl";
import type { ModelFitOutcome } from "../../app/fitModel";
import type { ColumnMapping } from "../../app/types";
import { toIsoDate } from "../../engine/dates/dayNumber";
import { ivStrength } from "../../engine/models/woe";
import type { WorkbookPort } from "../../host/WorkbookPort";
import { parseAsOf } from "../asOfDate";
import { useModelFit, type ModelFitState } from "../hooks/useModelFit";
import { CardTitle } from "./CardTitle";
import { useCardStyles } from "./styles";
import type { MessageId } from "../../i18n/messages";
import { usePaneText, type PaneText } from "../usePaneText";

export interface ModelViewProps {
  port: WorkbookPort;
  /** The as-of date as typed in the Review tab (YYYY-MM-DD). */
  asOf: string;
  mapping: ColumnMapping;
  addinVersion: string;
  now: () => string;
}

const useStyles = makeStyles({
  tiles: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 120px), 1fr))", gap: tokens.spacingHorizontalS },
  tile: {
    display: "flex", flexDirection: "column", padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
  label: { color: tokens.colorNeutralForeground3 },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  number: { textAlign: "right", whiteSpace: "nowrap" },
  /** The IV over its strength, both right-aligned, so a long strength wraps inside its cell. */
  stacked: { display: "flex", flexDirection: "column", alignItems: "flex-end", textAlign: "right" },
});

type T = PaneText;
type Written = Extract<ModelFitOutcome, { status: "written" }>;

function Tile({ label, value, note }: { label: string; value: string; note?: string }) {
  const styles = useStyles();
  return (
    <div role="group" aria-label={label} className={styles.tile}>
      <Text size={200} className={styles.label}>{label}</Text>
      <Text className={styles.value}>{value}</Text>
      {note !== undefined && <Text size={200} className={styles.label}>{note}</Text>}
    </div>
  );
}

function Results({ outcome, t }: { outcome: Written; t: T }) {
  const styles = useStyles();
  const card = useCardStyles();
  const intl = useIntl();
  const { model } = outcome;
  const n = (v: number, digits = 3): string => intl.formatNumber(v, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const pct = (v: number): string => intl.formatNumber(v, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const v = model.validation;
  const oot = model.outOfTime;
  const inModel = new Set(model.scorecard.characteristics.map((c) => c.name));
  const features = [...model.scorecard.characteristics.map((c) => ({ name: c.name, iv: c.iv })), ...model.scorecard.dropped].sort((a, b) => b.iv - a.iv);
  const feature = (name: string): string => (intl.messages[`model.feature.${name}`] !== undefined ? t(`model.feature.${name}` as MessageId) : name);
  return (
    <>
      <Text>{t("model.pane.definition", {
        days: outcome.defaultDays, observed: toIsoDate(model.sample.observationDay), to: toIsoDate(model.sample.horizonEnd),
        customers: model.sample.customerIds.length, defaults: model.sample.defaults,
      })}</Text>
      <div className={styles.tiles}>
        <Tile label={t("model.pane.auc")} value={v ? n(v.meanAuc) : t("pane.notAvailable")} note={v ? t("model.pane.heldOut", { folds: v.folds.length }) : t("model.pane.noFolds")} />
        <Tile label={t("model.pane.ks")} value={v ? n(v.meanKs) : t("pane.notAvailable")} />
        <Tile label={t("model.pane.gini")} value={v ? n(v.meanGini) : t("pane.notAvailable")} />
        <Tile label={t("model.pane.outOfTime")} value={oot ? n(oot.auc) : t("pane.notAvailable")} note={oot ? t("model.pane.outOfTimeNote", { ks: n(oot.ks), gini: n(oot.gini) }) : t("model.pane.outOfTimeMissing")} />
      </div>
      <Text size={200} className={card.secondary}>{t("model.pane.howToRead")}</Text>

      <CardTitle title={t("model.pane.calibration")} level={3} />
      <div className={styles.scroll}>
        <Table size="extra-small" aria-label={t("model.pane.calibration")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("model.sheet.column.group")}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t("model.sheet.column.customers")}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t("model.pane.predicted")}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t("model.pane.observed")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {model.calibration.map((g) => (
              <TableRow key={g.group}>
                <TableCell>{g.group}</TableCell>
                <TableCell className={styles.number}>{g.count}</TableCell>
                <TableCell className={styles.number}>{pct(g.predicted)}</TableCell>
                <TableCell className={styles.number}>{pct(g.observed)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>

      <CardTitle title={t("model.pane.features")} level={3} />
      <div className={styles.scroll}>
        <Table size="extra-small" aria-label={t("model.pane.features")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("model.sheet.column.characteristic")}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t("model.sheet.column.iv")}</TableHeaderCell>
              <TableHeaderCell>{t("model.sheet.column.inModel")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {features.map((f) => (
              <TableRow key={f.name}>
                <TableCell>{feature(f.name)}</TableCell>
                <TableCell>
                  <div className={styles.stacked}>
                    <span>{n(f.iv)}</span>
                    <Text size={200} className={styles.label}>{t(`model.ivStrength.${ivStrength(f.iv)}`)}</Text>
                  </div>
                </TableCell>
                <TableCell>{inModel.has(f.name) ? t("value.yes") : t("value.no")}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}

function Outcome({ state, t }: { state: ModelFitState; t: T }) {
  if (state.kind === "failed") {
    return <MessageBar intent="error"><MessageBarBody><MessageBarTitle>{t("model.pane.failed")}</MessageBarTitle>{state.message}</MessageBarBody></MessageBar>;
  }
  if (state.kind !== "done") return null;
  const { outcome } = state;
  switch (outcome.status) {
    case "written":
      return (
        <>
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>{t("model.pane.written")}</MessageBarTitle>
              {t("model.pane.writtenText", { sheet: outcome.written[0]?.written ?? "Model", fingerprint: outcome.fingerprint, lgd: outcome.lgdPercent })}
            </MessageBarBody>
          </MessageBar>
          <Results outcome={outcome} t={t} />
        </>
      );
    case "tooFewDefaults":
      return (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t("model.pane.tooFew")}</MessageBarTitle>
            {t("model.pane.tooFewText", {
              defaults: outcome.history.defaults, customers: outcome.history.customers, min: outcome.history.minDefaults,
              days: outcome.history.defaultDays, observed: toIsoDate(outcome.history.observationDay),
            })}
          </MessageBarBody>
        </MessageBar>
      );
    case "invalid":
      return (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t("model.pane.invalid")}</MessageBarTitle>
            {t("model.pane.invalidText", { count: outcome.problems.filter((p) => p.severity === "error").length })}
          </MessageBarBody>
        </MessageBar>
      );
    case "failed":
      return <MessageBar intent="error"><MessageBarBody><MessageBarTitle>{t("model.pane.failed")}</MessageBarTitle>{outcome.message}</MessageBarBody></MessageBar>;
    case "cancelled":
      return null;
    default: {
      const never: never = outcome;
      throw new Error(`unhandled model outcome ${String(never)}`);
    }
  }
}

export function ModelView({ port, asOf, mapping, addinVersion, now }: ModelViewProps) {
  const card = useCardStyles();
  const t = usePaneText();
  const { state, fit } = useModelFit(port, addinVersion, now);
  const day = parseAsOf(asOf);
  return (
    <Card className={card.card} aria-labelledby="model-title">
      <CardTitle id="model-title" title={t("model.pane.title")} />
      <Text>{t("model.pane.intro", { asOf: asOf.trim() })}</Text>
      <div className={card.actions}>
        <Button appearance="primary" disabled={!day.ok || state.kind === "fitting"} onClick={() => { if (day.ok) void fit(day.value, asOf.trim(), mapping); }}>
          {t("model.pane.fit")}
        </Button>
        {state.kind === "fitting" && <Spinner size="tiny" label={t("model.pane.fitting")} />}
      </div>
      {!day.ok && <Text className={card.secondary}>{t("pane.review.asOfInvalid")}</Text>}
      <Outcome state={state} t={t} />
    </Card>
  );
}
