// Use a system Chromium when the machine has one, and skip puppeteer's own
// browser download (it fails without open network); otherwise download as usual.
const fs = require('node:fs');

const candidates = [process.env.PUPPETEER_EXECUTABLE_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const systemChromium = candidates.find((path) => path && fs.existsSync(path));

module.exports = systemChromium ? { executablePath: systemChromium, skipDownload: true } : {};
