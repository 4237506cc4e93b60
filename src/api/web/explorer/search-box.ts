import { gql } from "../shared/graphql";
import { SEARCH_QUERY, type AuthorLite } from "../shared/queries";

/*
 * An ARIA combobox over authors(search:): type two letters, pick with the arrow keys and Enter
 * (or the mouse). Requests are debounced and a newer one aborts the older.
 */
export class SearchBox {
  private options: AuthorLite[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: AbortController | null = null;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLUListElement,
    private readonly endpoint: string,
    private readonly onPick: (author: AuthorLite) => void,
  ) {
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    list.setAttribute("role", "listbox");
    input.addEventListener("input", () => this.schedule());
    input.addEventListener("keydown", (e) => this.onKey(e));
    input.addEventListener("blur", () => setTimeout(() => this.close(), 150));
    list.addEventListener("mousedown", (e) => e.preventDefault());
    list.addEventListener("click", (e) => {
      const item = (e.target as HTMLElement).closest("li");
      if (item) this.pick(Number(item.dataset.index));
    });
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(), 180);
  }

  private async search(): Promise<void> {
    const text = this.input.value.trim();
    this.pending?.abort();
    if (text.length < 2) {
      this.render([]);
      return;
    }
    const controller = (this.pending = new AbortController());
    try {
      const data = await gql<{ authors: { edges: Array<{ node: AuthorLite }> } }>(
        this.endpoint,
        SEARCH_QUERY,
        { search: text },
        controller.signal,
      );
      if (!controller.signal.aborted) this.render(data.authors.edges.map((e) => e.node));
    } catch (error) {
      if (!controller.signal.aborted) this.render([], (error as Error).message);
    }
  }

  private render(options: AuthorLite[], problem?: string): void {
    this.options = options;
    this.active = options.length > 0 ? 0 : -1;
    this.list.innerHTML = "";
    options.forEach((author, i) => {
      const item = document.createElement("li");
      item.id = `${this.list.id}-${i}`;
      item.dataset.index = String(i);
      item.setAttribute("role", "option");
      const years = author.firstYear ? ` · ${author.firstYear}–${author.lastYear}` : "";
      item.innerHTML = `<span class="name"></span><span class="meta"></span>`;
      item.querySelector(".name")!.textContent = author.name;
      item.querySelector(".meta")!.textContent = `${author.paperCount} papers${years}`;
      this.list.appendChild(item);
    });
    if (problem) {
      const item = document.createElement("li");
      item.className = "problem";
      item.textContent = problem;
      this.list.appendChild(item);
    } else if (options.length === 0 && this.input.value.trim().length >= 2) {
      const item = document.createElement("li");
      item.className = "problem";
      item.textContent = "No author matches.";
      this.list.appendChild(item);
    }
    this.list.hidden = this.list.children.length === 0;
    this.input.setAttribute("aria-expanded", String(!this.list.hidden));
    this.highlight();
  }

  private highlight(): void {
    [...this.list.querySelectorAll("li[role=option]")].forEach((li, i) => li.setAttribute("aria-selected", String(i === this.active)));
    if (this.active >= 0) this.input.setAttribute("aria-activedescendant", `${this.list.id}-${this.active}`);
    else this.input.removeAttribute("aria-activedescendant");
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (this.options.length === 0) return;
      e.preventDefault();
      this.active = (this.active + (e.key === "ArrowDown" ? 1 : -1) + this.options.length) % this.options.length;
      this.highlight();
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (this.active >= 0) this.pick(this.active);
    } else if (e.key === "Escape") {
      this.close();
    }
  }

  private pick(index: number): void {
    const author = this.options[index];
    if (!author) return;
    this.input.value = author.name;
    this.close();
    this.onPick(author);
  }

  close(): void {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
  }
}
