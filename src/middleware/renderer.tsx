import { jsxRenderer } from "hono/jsx-renderer";
import { Layout, type PageProps } from "../views/layout.tsx";

declare module "hono" {
  interface ContextRenderer {
    (content: string | Promise<string>, props: PageProps): Response | Promise<Response>;
  }
}

/**
 * Every HTML answer is rendered through `c.render(content, props)`: a page in the layout, or an htmx
 * fragment with `{ fragment: true }`. Views read the nonce, the CSRF token and the user from the request
 * (`useRequestContext`), never from props. The layout writes its own doctype, so fragments have none.
 */
export const renderer = jsxRenderer(({ children, Layout: _outer, ...props }) => <Layout {...(props as PageProps)}>{children}</Layout>, {
  docType: false,
});
