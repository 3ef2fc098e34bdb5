// The catalog: fields, profiles, tags, conditions, passages and ready letters. Adding one
// of these is a change here and nowhere else.
export * from "./fields";
export * from "./profiles";
export * from "./tags";
export * from "./conditions";
export * from "./passages";
export * from "./letters";
export * from "./elision";
export { foldKey } from "./fold-key";
