// Evaluates every case of a cases.json (generate.mjs) with @cloud-copilot/iam-simulate and
// prints one JSON line per case: {"id", "decision"} or {"id", "error"}.
// Usage: node simulate.mjs cases.json > results.jsonl
import { readFileSync } from 'node:fs'
import { runSimulation } from '@cloud-copilot/iam-simulate'

const DECISIONS = { Allowed: 'Allowed', ExplicitlyDenied: 'ExplicitDeny', ImplicitlyDenied: 'ImplicitDeny' }
const { cases } = JSON.parse(readFileSync(process.argv[2], 'utf8'))
async function evaluate(c) {
  const simulation = {
    identityPolicies: c.identity.map((policy, i) => ({ name: `identity${i}`, policy })),
    // One organization level per SCP, as mfalint's --scp: each level must allow.
    serviceControlPolicies: c.scps.map((policy, i) => ({ orgIdentifier: `ou-${i}`, policies: [{ name: `scp${i}`, policy }] })),
    resourceControlPolicies: [],
    request: {
      action: c.request.action,
      principal: c.request.principal,
      resource: { resource: c.request.resource, accountId: c.request.resource_account },
      contextVariables: c.request.context,
    },
  }
  if (c.resource_policy) simulation.resourcePolicy = c.resource_policy
  if (c.boundary) simulation.permissionBoundaryPolicies = [{ name: 'boundary', policy: c.boundary }]
  try {
    const result = await runSimulation(simulation, {})
    if (result.resultType === 'error') return { id: c.id, error: JSON.stringify(result.errors) }
    return { id: c.id, decision: DECISIONS[result.overallResult] ?? result.overallResult }
  } catch (e) {
    return { id: c.id, error: String(e) }
  }
}

// Simulations wait on iam-data's lazy file reads: run a batch at a time to overlap them.
const out = []
for (let i = 0; i < cases.length; i += 64) {
  out.push(...(await Promise.all(cases.slice(i, i + 64).map(evaluate))))
}
process.stdout.write(out.map((r) => JSON.stringify(r)).join('\n') + '\n')
