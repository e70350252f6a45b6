export declare const NGINX_TEMPLATE: string;
export declare const NGINX_VARIABLES: string[];
export declare function renderNginxConf(values: Record<string, string | undefined>, template?: string): string;
