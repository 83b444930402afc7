// The parts of Prisma's DMMF (`getDMMF` from @prisma/internals) the drift check reads: the schema as
// data, so the comparator never parses schema.prisma itself.

type DmmfDefault = { name: string; args: readonly unknown[] } | string | number | boolean | readonly unknown[];

export type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: string;
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  nativeType?: readonly [string, readonly string[]] | null;
  default?: DmmfDefault;
  relationFromFields?: readonly string[];
  relationToFields?: readonly string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};

export type DmmfModel = {
  name: string;
  dbName: string | null;
  fields: readonly DmmfField[];
  primaryKey: { fields: readonly string[] } | null;
};

export type DmmfDocument = {
  datamodel: {
    models: readonly DmmfModel[];
    enums: readonly {
      name: string;
      dbName?: string | null;
      values: readonly { name: string; dbName: string | null }[];
    }[];
    indexes: readonly {
      model: string;
      type: string;
      dbName?: string | null;
      algorithm?: string;
      fields: readonly { name: string; sortOrder?: string }[];
    }[];
  };
};
