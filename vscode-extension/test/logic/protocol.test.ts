import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import * as protocol from '../../src/core/protocol';
import { PROTOCOL_MIRROR, PROTOCOL_SCHEMA } from './support/paths';

/**
 * src/core/protocol.ts against protocol/protocol.schema.json, which the Java definitions generate: these tests
 * fail when the TypeScript mirror drifts from the contract.
 */

interface Schema {
  type?: string;
  $ref?: string;
  items?: Schema;
  additionalProperties?: Schema;
  enum?: string[];
  properties?: Record<string, Schema>;
  required?: string[];
}

interface Contract {
  'x-protocolVersion': number;
  'x-errorCodes': Record<string, number>;
  'x-requests': Record<string, { method: string }>;
  'x-notifications': Record<string, { method: string }>;
  $defs: Record<string, Schema>;
}

const contract = JSON.parse(fs.readFileSync(PROTOCOL_SCHEMA, 'utf8')) as Contract;
const mirror = ts.createSourceFile(PROTOCOL_MIRROR, fs.readFileSync(PROTOCOL_MIRROR, 'utf8'), ts.ScriptTarget.ES2022, true);

const interfaces = new Map<string, ts.InterfaceDeclaration>();
const aliases = new Map<string, ts.TypeAliasDeclaration>();
for (const statement of mirror.statements) {
  if (ts.isInterfaceDeclaration(statement)) interfaces.set(statement.name.text, statement);
  if (ts.isTypeAliasDeclaration(statement)) aliases.set(statement.name.text, statement);
}

const records = Object.entries(contract.$defs).filter(([, def]) => def.type === 'object');
const enums = Object.entries(contract.$defs).filter(([, def]) => def.enum !== undefined);

/** A type reduced to what both sides can say: string, integer, boolean, a list, a string map, or a named def. */
function shapeOfSchema(schema: Schema): string {
  if (schema.$ref !== undefined) return schema.$ref.replace('#/$defs/', '');
  if (schema.type === 'array') return `${shapeOfSchema(schema.items ?? {})}[]`;
  if (schema.type === 'object') return `map<${shapeOfSchema(schema.additionalProperties ?? {})}>`;
  return schema.type ?? 'unknown';
}

function shapeOfType(node: ts.TypeNode): string {
  if (ts.isUnionTypeNode(node)) {
    const members = node.types.filter((member) => !isNull(member)).map(shapeOfType);
    // ChangeKind | string: the known values of an open set of strings
    return members.includes('string') ? 'string' : members.length === 1 ? (members[0] ?? '') : members.join(' | ');
  }
  if (ts.isArrayTypeNode(node)) return `${shapeOfType(node.elementType)}[]`;
  if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return 'string';
  if (node.kind === ts.SyntaxKind.StringKeyword) return 'string';
  if (node.kind === ts.SyntaxKind.NumberKeyword) return 'integer';
  if (node.kind === ts.SyntaxKind.BooleanKeyword) return 'boolean';
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
    const name = node.typeName.text;
    if (name === 'Record' && node.typeArguments?.length === 2) return `map<${shapeOfType(node.typeArguments[1]!)}>`;
    if (contract.$defs[name] !== undefined) return name;
    const alias = aliases.get(name);
    if (alias !== undefined) return shapeOfType(alias.type);
  }
  if (ts.isIndexedAccessTypeNode(node)) return 'string'; // (typeof TASK_STATES)[number], a union of names
  return `unsupported ${node.getText(mirror)}`;
}

function isNull(node: ts.TypeNode): boolean {
  return node.kind === ts.SyntaxKind.UndefinedKeyword
    || (ts.isLiteralTypeNode(node) && node.literal.kind === ts.SyntaxKind.NullKeyword);
}

/** Absent or null on the TypeScript side: optional, or a union with null. */
function mayBeNull(member: ts.PropertySignature): boolean {
  const type = member.type;
  return member.questionToken !== undefined || (type !== undefined && ts.isUnionTypeNode(type) && type.types.some(isNull));
}

function members(declaration: ts.InterfaceDeclaration): Map<string, ts.PropertySignature> {
  return new Map(declaration.members.filter(ts.isPropertySignature).map((member) => [member.name.getText(mirror), member]));
}

const upperSnake = (camel: string): string => camel.replace(/([A-Z])/g, '_$1').toUpperCase();

describe('the TypeScript protocol mirrors protocol.schema.json', () => {
  it('has the same request methods under the Java method names', () => {
    const java = Object.fromEntries(Object.entries(contract['x-requests']).map(([name, request]) => [name, request.method]));
    assert.deepEqual({ ...protocol.Methods }, java);
  });

  it('has the same notifications under the Java method names', () => {
    const java = Object.fromEntries(Object.entries(contract['x-notifications']).map(([name, push]) => [name, push.method]));
    assert.deepEqual({ ...protocol.Notifications }, java);
  });

  it('has the same protocol version and error codes', () => {
    assert.equal(protocol.PROTOCOL_VERSION, contract['x-protocolVersion']);
    const codes = Object.fromEntries(Object.entries(protocol.ErrorCodes).map(([name, code]) => [upperSnake(name), code]));
    assert.deepEqual(codes, contract['x-errorCodes']);
  });

  it('lists enum constants in the Java declaration order', () => {
    const mirrored: Record<string, readonly string[]> = {
      TaskState: protocol.TASK_STATES,
      TaskStatus: protocol.TASK_STATUSES,
      RunEventKind: protocol.RUN_EVENT_KINDS,
      HealthStatus: protocol.HEALTH_STATUSES,
      Subscription: protocol.SUBSCRIPTIONS,
    };
    assert.deepEqual(Object.keys(mirrored).sort(), enums.map(([name]) => name).sort());
    for (const [name, def] of enums) {
      assert.deepEqual([...(mirrored[name] ?? [])], def.enum, name);
    }
  });

  it('mirrors every record of the contract, and nothing else, as an interface', () => {
    assert.deepEqual([...interfaces.keys()].sort(), records.map(([name]) => name).sort());
  });

  for (const [record, def] of records) {
    it(`has the fields of ${record}, with their types and nullability`, () => {
      const declaration = interfaces.get(record);
      assert.ok(declaration, `protocol.ts has no interface ${record}`);
      const fields = members(declaration);
      const properties = def.properties ?? {};
      assert.deepEqual([...fields.keys()].sort(), Object.keys(properties).sort(), `the fields of ${record}`);
      for (const [name, schema] of Object.entries(properties)) {
        const field = fields.get(name)!;
        assert.equal(shapeOfType(field.type!), shapeOfSchema(schema), `the type of ${record}.${name}`);
        assert.equal(mayBeNull(field), !(def.required ?? []).includes(name),
          `${record}.${name} may be null (absent) in Java exactly when protocol.ts says so`);
      }
    });
  }
});
