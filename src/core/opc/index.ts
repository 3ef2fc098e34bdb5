// Open Packaging Conventions: the zip of parts that .docx and .xlsx files are, their
// relationships and content types.
export { OpcPackage } from "./package";
export { Relationships, relsPathOf, resolveTarget, RELATIONSHIP_TYPES } from "./relationships";
export type { Relationship } from "./relationships";
export { ContentTypes, CONTENT_TYPES_PATH } from "./content-types";
export { OpcError, isEncryptedOffice, isPlainPartName, MAX_UNPACKED_BYTES, unzipParts } from "./unzip";
export type { OpcErrorCode } from "./unzip";
