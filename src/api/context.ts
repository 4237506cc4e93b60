import type { Database } from "../db/database";
import { AuthorService } from "../author/author.service";
import { NetworkService } from "../network/network.service";
import { PaperService } from "../paper/paper.service";
import { StatsService } from "../stats/stats.service";
import { VenueService } from "../venue/venue.service";
import { createLoaders, Loaders } from "./loaders";
import { NodeService } from "../node/node.service";
import { ExportService } from "../export/export.service";

export interface Services {
  author: AuthorService;
  paper: PaperService;
  venue: VenueService;
  network: NetworkService;
  stats: StatsService;
  node: NodeService;
  export: ExportService;
}

/** What every resolver receives. One per request: loaders cache only within it. */
export interface GraphContext {
  db: Database;
  loaders: Loaders;
  services: Services;
}

export function createContext(db: Database): GraphContext {
  const loaders = createLoaders(db);
  const network = new NetworkService(db, loaders);
  return {
    db,
    loaders,
    services: {
      author: new AuthorService(db, loaders),
      paper: new PaperService(db, loaders),
      venue: new VenueService(db, loaders),
      network,
      stats: new StatsService(db),
      node: new NodeService(loaders),
      export: new ExportService(db, network),
    },
  };
}
