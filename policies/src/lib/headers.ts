import { obj } from "./unknown";

export interface Header {
    /** "httpTarget" or "appEngineHttpTarget". */
    target: string;
    name: string;
    value: unknown;
}

/** Headers of a job's HTTP and App Engine targets. */
export function headersOf(props: Record<string, any>): Header[] {
    const out: Header[] = [];
    for (const target of ["httpTarget", "appEngineHttpTarget"]) {
        const t = obj(props[target]);
        const headers = t ? obj(t.headers) : undefined;
        if (headers) {
            for (const name of Object.keys(headers)) {
                out.push({ target, name, value: headers[name] });
            }
        }
    }
    return out;
}
