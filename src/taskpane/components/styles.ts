/** Shared layout styles of the pane's cards: one column, usable from 320 to 450 px wide. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useCardStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, width: "100%", boxSizing: "border-box" },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "center" },
  secondary: { color: tokens.colorNeutralForeground3 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase400 },
});
