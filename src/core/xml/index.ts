// Reading and writing XML as text: scanners that respect nesting, entities, characters.
export * from "./scan";
export * from "./entities";
export * from "./tree";
