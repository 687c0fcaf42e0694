// Preloaded into a bench child process (node --import): on exit, reports the
// process's peak resident memory (native DuckDB memory included) and its CPU
// time on stderr.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${usage.maxRSS}\nBENCH_CPU_US=${usage.userCPUTime + usage.systemCPUTime}\n`);
});
