/**
 * Text from a spreadsheet or a peer may hold terminal control sequences; anything that prints it to a
 * terminal or a calendar drops the control characters (tab and newline stay).
 */
export function withoutControls (text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
}
