/** The task pane's react-intl renders the same catalogues as the translator, in jsdom. */
import { render, screen } from "@testing-library/react";
import { FormattedMessage, FormattedNumber, IntlProvider, useIntl } from "react-intl";
import { intlConfig } from "../../src/i18n/messages";
import { createTranslator } from "../../src/i18n/translator";
import { SUPPORTED_LOCALES } from "../../src/i18n/locale";

function Reviewed({ count }: { count: number }) {
  const intl = useIntl();
  return <p data-testid="reviewed">{intl.formatMessage({ id: "review.customersReviewed" }, { count })}</p>;
}

describe.each(SUPPORTED_LOCALES.map((l) => [l]))("react-intl over the %s catalogue", (locale) => {
  it("renders messages, plurals and percents exactly as the translator does", () => {
    const t = createTranslator(locale);
    render(
      <IntlProvider {...intlConfig(locale)}>
        <h1><FormattedMessage id="sheet.creditReview" /></h1>
        <Reviewed count={2} />
        <span data-testid="share"><FormattedNumber value={0.869} style="percent" maximumFractionDigits={1} /></span>
      </IntlProvider>,
    );
    expect(screen.getByRole("heading").textContent).toBe(t.t("sheet.creditReview"));
    expect(screen.getByTestId("reviewed").textContent).toBe(t.t("review.customersReviewed", { count: 2 }));
    expect(screen.getByTestId("share").textContent).toBe(t.formatPercent(0.869));
  });
});
