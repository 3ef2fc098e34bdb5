// Jest transform for `import letter from "….docx"`: the same data: URL webpack's asset/inline
// gives the pane, read from the file itself (Jest hands transforms text, not bytes).
const fs = require("fs");

module.exports = {
  process(_source, filename) {
    const url = `data:application/vnd.openxmlformats-officedocument.wordprocessingml.document;base64,${fs.readFileSync(filename).toString("base64")}`;
    return { code: `module.exports = ${JSON.stringify(url)};` };
  },
};
