// Types for the generator, so the TypeScript test that checks types.ts is up to date can import it.
export declare const schemasDir: string;
export declare const typesFile: string;
export declare function renderSchemaTypes(dir?: string): Promise<string>;
export declare function readTypesFile(): Promise<string>;
