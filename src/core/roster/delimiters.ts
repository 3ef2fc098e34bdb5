// Delimiters named for people, apart from the CSV parser so the pane can name them
// without loading it.

/** "point-virgule (;)", for people. */
export function delimiterWord(delimiter: string): string {
  return delimiter === ";"
    ? "point-virgule (;)"
    : delimiter === ","
      ? "virgule (,)"
      : delimiter === "\t"
        ? "tabulation"
        : `« ${delimiter} »`;
}

/** Names a delimiter for people. */
export function delimiterName(delimiter: string): string {
  return delimiter === "" ? "aucun (classeur)" : delimiterWord(delimiter);
}
