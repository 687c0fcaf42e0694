import { LANGUAGE_LIST } from '../report/i18n/language.js';

/** The replybench.yaml that `replybench init` writes: every key, with a comment. */
export const STARTER_CONFIG = `# replybench project. Every key is explained in docs/config.md.
client: acme                 # id of the client brand; every other brand is a competitor
timezone: Europe/Madrid      # report periods, hour-of-week charts and business hours use this zone
database: data/replybench.duckdb

brands:
  - id: acme
    name: Acme Telecom
    accounts:                # owned handles per platform (case and a leading @ do not matter)
      twitter: [AcmeCares, Acme]
      facebook: [acme.telecom]
    topics: [Acme]           # export query/topic names that mean this brand
  - id: rivalco
    name: RivalCo
    accounts:
      twitter: [RivalCoHelp]

metrics:
  inbound: all               # all, or questions (only mentions with ? or ¿ count)
  responseWindow: 7d         # a reply later than this is not a response
  sla: [60, 1440]            # response-time targets in minutes

report:
  language: en               # ${LANGUAGE_LIST}
  pageSize: A4               # A4 or Letter
  agency:
    name: Your Agency
    # logo: assets/logo.svg
  colors:
    primary: "#0B5FFF"
`;
