/**
 * A card heading in the pane's language (e.g. "Credit Review" or "信用评审"), from the catalogue.
 */
import { useCardStyles } from "./styles";

export interface CardTitleProps {
  id?: string;
  title: string;
  /** Heading level: 2 for a card, 3 for a section inside one. */
  level?: 2 | 3;
}

export function CardTitle({ id, title, level = 2 }: CardTitleProps) {
  const styles = useCardStyles();
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <Heading id={id} className={styles.heading}>
      {title}
    </Heading>
  );
}
