// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose own
// dependencies ship ES modules Jest cannot load; this is that enum (same values).
module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    Project: "project",
    PowerPoint: "powerpoint",
    Word: "word",
  },
};
