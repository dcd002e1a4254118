/**
 * The pane's words in the user's language: `t(id, values)` over the catalogue react-intl holds
 * (PaneRoot's IntlProvider), typed by message id so that a misspelt id is a compile error.
 */
import { useCallback } from "react";
import { useIntl } from "react-intl";
import type { MessageId } from "../i18n/messages";
import type { MessageValues } from "../i18n/translator";

export type PaneText = (id: MessageId, values?: MessageValues) => string;

export function usePaneText(): PaneText {
  const intl = useIntl();
  return useCallback((id, values) => intl.formatMessage({ id }, values as Record<string, string | number | boolean | Date | null | undefined>), [intl]);
}
