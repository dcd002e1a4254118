/**
 * A card heading in the pane's language (e.g. "Credit Review" or "信用评审"). Cards not yet
 * localized still pass `chinese`, shown as secondary text after the English title.
 */
import { Text } from "@fluentui/react-components";
import { useCardStyles } from "./styles";

export interface CardTitleProps {
  id?: string;
  title: string;
  /** Only for cards whose title is not yet from the catalogues. */
  chinese?: string;
  /** Heading level: 2 for a card, 3 for a section inside one. */
  level?: 2 | 3;
}

export function CardTitle({ id, title, chinese, level = 2 }: CardTitleProps) {
  const styles = useCardStyles();
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <Heading id={id} className={styles.heading}>
      {title}
      {chinese !== undefined && (
        <Text size={200} className={styles.secondary} lang="zh">
          {" "}{chinese}
        </Text>
      )}
    </Heading>
  );
}
