/** Width of the docked column beside the page (the card's 420 px and its padding). */
export const CALL_CARD_COLUMN_WIDTH = 440;
