// Generates differential test cases: policy sets and requests, seeded and deterministic.
// Usage: node generate.mjs SEED COUNT > cases.json
//
// Every case is one request against identity policies and, sometimes, a resource policy, a
// permissions boundary and SCP levels. Cases cover every condition operator (and its IfExists
// and ForAllValues/ForAnyValue forms), wildcards in actions and resources, policy variables,
// absent keys, and the three MFA contexts. Values are drawn from small pools so that conditions
// both hold and fail often.
//
// Known differences from iam-simulate that AWS's documentation settles (docs/evaluation.md) are
// either not generated (noted below as AVOID) or tagged in `excluded` so the test can set them
// aside and count them.

const [seedArg = '1', countArg = '4000'] = process.argv.slice(2)

// mulberry32: tiny, seedable, and the same on every machine.
function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = rng(Number(seedArg))
const pick = (list) => list[Math.floor(random() * list.length)]
const chance = (p) => random() < p
const some = (list, min, max) => {
  const n = min + Math.floor(random() * (max - min + 1))
  return Array.from({ length: n }, () => pick(list))
}
const one_or_list = (list) => (list.length === 1 && chance(0.5) ? list[0] : list)

const ALICE = 'arn:aws:iam::111111111111:user/alice'
const BOB = 'arn:aws:iam::222222222222:user/bob'
const SESSION = 'arn:aws:sts::111111111111:assumed-role/Reader/alice'

// Requests iam-simulate accepts (its action and resource-type validation), with the patterns that
// cover them or nearly do. AVOID: wildcards in the resource-type part before its first `/` (for
// iam-simulate that part must match literally) and upper case before the resource part (it
// matches partition, service, region and account ignoring case).
const TARGETS = [
  {
    action: 's3:GetObject',
    resources: ['arn:aws:s3:::example/home/alice/a.txt', 'arn:aws:s3:::example/reports/2024.csv', 'arn:aws:s3:::Example/a'],
    actions: ['s3:GetObject', 'S3:getobject', 's3:Get*', 's3:?etObject', 's3:*', '*', 's3:Put*', 's3:GetObjectAcl'],
    patterns: ['*', 'arn:aws:s3:::example/*', 'arn:aws:s3:::example/home/${aws:username}/*', 'arn:aws:s3:::example/home/${aws:userid, \'alice\'}/*',
      'arn:aws:s3:::example/reports/20??.csv', 'arn:aws:s3:::Example/*', 'arn:aws:s3:::other/*', 'arn:aws:s3:::*', 'arn:aws:s3:::example/*/a.txt',
      'arn:aws:s3:::example/home/${aws:PrincipalTag/team}/*', 'arn:aws:s3:::example${*}', 'arn:aws:*:*:*:*'],
  },
  {
    action: 's3:ListBucket',
    resources: ['arn:aws:s3:::example'],
    actions: ['s3:ListBucket', 's3:List*', 's3:*', 's3:ListBucket?', '*'],
    patterns: ['*', 'arn:aws:s3:::example', 'arn:aws:s3:::ex*', 'arn:aws:s3:::example/*', 'arn:aws:s3:::exampl?'],
  },
  {
    action: 's3:ListAllMyBuckets',
    resources: ['*'],
    actions: ['s3:ListAllMyBuckets', 's3:List*', '*'],
    patterns: ['*', 'arn:aws:s3:::*'],
  },
  {
    action: 'iam:CreateAccessKey',
    resources: ['arn:aws:iam::111111111111:user/alice', 'arn:aws:iam::111111111111:user/admins/bob'],
    actions: ['iam:CreateAccessKey', 'iam:*AccessKey*', 'iam:Create*', 'iam:*', 'IAM:createaccesskey', 'iam:DeleteAccessKey'],
    patterns: ['*', 'arn:aws:iam::111111111111:user/${aws:username}', 'arn:aws:iam::111111111111:user/*', 'arn:aws:iam::*:user/admins/*',
      'arn:aws:iam::222222222222:user/*', 'arn:aws:iam::111111111111:*', 'arn:aws:iam::11111111111?:user/alice', 'arn:aws:iam::111111111111:user/al*'],
  },
  {
    action: 'sqs:SendMessage',
    resources: ['arn:aws:sqs:us-east-1:111111111111:orders'],
    actions: ['sqs:SendMessage', 'sqs:Send*', 'sqs:*', 'SQS:sendmessage', 'sqs:ReceiveMessage'],
    patterns: ['*', 'arn:aws:sqs:us-east-1:111111111111:orders', 'arn:aws:sqs:*:111111111111:*', 'arn:aws:sqs:us-*:*:ord?rs',
      'arn:aws:sqs:eu-west-1:111111111111:orders', 'arn:aws:sqs:*:*:${aws:username}-queue', 'arn:aws:sqs:us-east-1:*'],
  },
  {
    action: 'dynamodb:GetItem',
    resources: ['arn:aws:dynamodb:eu-west-1:111111111111:table/books'],
    actions: ['dynamodb:GetItem', 'dynamodb:Get*', 'dynamodb:*', 'dynamodb:BatchGetItem'],
    patterns: ['*', 'arn:aws:dynamodb:eu-west-1:111111111111:table/books', 'arn:aws:dynamodb:*:*:table/*', 'arn:aws:dynamodb:eu-west-1:111111111111:table/b??ks',
      'arn:aws:dynamodb:eu-west-1:111111111111:table/books/*'],
  },
  {
    action: 'logs:PutLogEvents',
    resources: ['arn:aws:logs:us-east-1:111111111111:log-group:app:log-stream:s1'],
    actions: ['logs:PutLogEvents', 'logs:Put*', 'logs:*'],
    patterns: ['*', 'arn:aws:logs:us-east-1:111111111111:log-group:app:*', 'arn:aws:logs:*:*:log-group:*', 'arn:aws:logs:us-east-1:111111111111:log-group:app',
      'arn:aws:logs:*:*:log-group:app:log-stream:s?'],
  },
  // A role's trust policy and a KMS key's policy must allow the request themselves, even within
  // the account (`own_policy`): these targets always come with one, or are tagged excluded.
  {
    action: 'sts:AssumeRole',
    resources: ['arn:aws:iam::111111111111:role/Admin'],
    actions: ['sts:AssumeRole', 'sts:Assume*', 'sts:*', '*', 'STS:assumerole', 'sts:TagSession'],
    patterns: ['*', 'arn:aws:iam::111111111111:role/Admin', 'arn:aws:iam::111111111111:role/*', 'arn:aws:iam::*:role/Ad*', 'arn:aws:iam::222222222222:role/*'],
    own_policy: true,
  },
  {
    action: 'kms:Decrypt',
    resources: ['arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    actions: ['kms:Decrypt', 'kms:De*', 'kms:*', '*', 'KMS:decrypt', 'kms:Encrypt'],
    patterns: ['*', 'arn:aws:kms:us-east-1:111111111111:key/*', 'arn:aws:kms:*:111111111111:key/1234abcd-*', 'arn:aws:kms:eu-west-1:111111111111:key/*',
      'arn:aws:kms:us-east-1:111111111111:alias/*'],
    own_policy: true,
  },
]

// Condition keys, each with the operators of its type, policy values and request values.
// AVOID: mixing epoch and ISO 8601 dates on one key (iam-simulate compares epoch seconds with
// ISO milliseconds), numbers with trailing garbage (it parses "12abc" as 12), IPv4-mapped IPv6,
// and 0.0.0.0/0 (its /0 mask is wrong, see excluded_classes); /1 halves cover short prefixes.
const STRING_OPS = ['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike']
const NUMERIC_OPS = ['NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals']
const DATE_OPS = ['DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals']
const ARN_OPS = ['ArnEquals', 'ArnNotEquals', 'ArnLike', 'ArnNotLike']
const KEYS = [
  { key: 'aws:MultiFactorAuthAge', ops: [...NUMERIC_OPS, 'StringEquals'], policy: ['0', '1', '300', '600', '3600', '-1', '599.5', 'abc'], mfa: true },
  { key: 'aws:MultiFactorAuthPresent', ops: ['Bool', 'StringEquals', 'StringEqualsIgnoreCase'], policy: ['true', 'false', 'TRUE', true, false], mfa: true },
  { key: 'aws:username', ops: [...STRING_OPS, 'BinaryEquals'], policy: ['alice', 'Alice', 'al*', 'a?ice', 'bob', '${aws:username}', '${aws:PrincipalTag/team}-lead', '*'], request: ['alice', 'Alice', 'bob', 'al*'] },
  { key: 'aws:PrincipalTag/team', ops: STRING_OPS, policy: ['red', 'blue', 'r*', '${aws:username}', 'RED'], request: ['red', 'blue', 'alice'] },
  { key: 'aws:RequestedRegion', ops: STRING_OPS, policy: ['us-east-1', 'eu-west-1', 'eu-*', 'us-east-?'], request: ['us-east-1', 'eu-west-1', 'ap-south-1'] },
  { key: 'aws:SourceIp', ops: ['IpAddress', 'NotIpAddress'], policy: ['203.0.113.0/24', '10.0.0.0/8', '2001:DB8::/32', '2001:db8:1234:5678::/64', '203.0.113.7/32', '0.0.0.0/1', '128.0.0.0/1', '198.51.100.0/25', 'not-a-cidr', '::/0'],
    request: ['203.0.113.7', '10.1.2.3', '2001:db8:1234:5678::1', '2001:db9::1', '198.51.100.200', 'nowhere'] },
  { key: 'aws:CurrentTime', ops: DATE_OPS, policy: ['2024-01-01T00:00:00Z', '2024-06-01', '2024-06-01T12:00:00+02:00', '2024-06-01T10:00:00.500Z', 'someday'],
    request: ['2024-06-01T10:00:00Z', '2023-12-31T23:59:59Z', '2024-06-01T10:00:00.500Z', '2025-01-01T00:00:00Z'] },
  { key: 'aws:EpochTime', ops: DATE_OPS, policy: ['1717236000', '1700000000', '0'], request: ['1717236000', '1717236001', '1600000000'] },
  { key: 'aws:SecureTransport', ops: ['Bool'], policy: ['true', 'false', '${aws:SecureTransport}'], request: ['true', 'false', 'yes'] },
  { key: 'aws:PrincipalArn', ops: ARN_OPS, policy: ['arn:aws:iam::111111111111:user/*', ALICE, 'arn:aws:iam::*:user/al?ce', 'arn:aws:iam::111111111111:role/*', 'arn:aws:iam::*:*', 'arn:aws:iam::111111111111:user/${aws:username}', 'not-an-arn'],
    request: [ALICE, 'arn:aws:iam::111111111111:role/Reader', 'arn:aws:iam::111111111111:user/Alice', 'not-an-arn'] },
  { key: 'aws:SourceArn', ops: [...ARN_OPS, 'StringLike'], policy: ['arn:aws:sns:us-east-1:111111111111:topic', 'arn:aws:sns:*:111111111111:*', 'arn:aws:sns:us-east-1:*:top*'],
    request: ['arn:aws:sns:us-east-1:111111111111:topic', 'arn:aws:sns:eu-west-1:111111111111:other', 'arn:aws:sns:us-east-1:999999999999:topic:extra'] },
  { key: 'aws:userid', ops: ['BinaryEquals', 'StringEquals'], policy: ['QUlEQUVYQU1QTEU=', 'QUlEQQ=='], request: ['QUlEQUVYQU1QTEU=', 'AIDAEXAMPLE'] },
  { key: 'aws:TagKeys', ops: ['StringEquals', 'StringLike', 'StringNotEquals', 'StringNotLike', 'StringEqualsIgnoreCase'], policy: ['team', 'env', 'owner', 't*', 'ENV'], request: ['team', 'env', 'owner', 'Env'], multi: true },
  { key: 'aws:PrincipalOrgPaths', ops: ['StringLike', 'StringEquals'], policy: ['o-1/r-1/ou-1/*', 'o-1/r-1/ou-2/', 'o-1/*'], request: ['o-1/r-1/ou-1/ou-9/', 'o-1/r-1/ou-2/'], multi: true },
]
const MFA_AGES = [0, 1, 299, 300, 301, 599, 600, 3600, 129600]

function condition_block(key) {
  let op = pick(key.ops)
  let qualifier = ''
  if (key.multi ? chance(0.85) : chance(0.08)) qualifier = pick(['ForAllValues:', 'ForAnyValue:'])
  let ifExists = chance(0.25) ? 'IfExists' : ''
  if (chance(0.12)) {
    op = 'Null'
    qualifier = ''
    ifExists = ''
  }
  const values = op === 'Null' ? [pick(['true', 'false', true, false])] : some(key.policy, 1, 3)
  return { operator: qualifier + op + ifExists, key: key.key, value: one_or_list(values) }
}

function conditions() {
  const blocks = {}
  const count = pick([0, 1, 1, 1, 2, 2, 3])
  for (let i = 0; i < count; ++i) {
    const key = chance(0.4) ? pick(KEYS.filter((k) => k.mfa)) : pick(KEYS)
    const { operator, key: name, value } = condition_block(key)
    blocks[operator] = blocks[operator] ?? {}
    blocks[operator][name] = value
  }
  return count ? blocks : undefined
}

function statement(target, withPrincipal) {
  const st = { Effect: chance(0.3) ? 'Deny' : 'Allow' }
  if (chance(0.3)) st.Sid = `S${Math.floor(random() * 1000)}`
  if (withPrincipal) st.Principal = pick(['*', { AWS: '*' }, { AWS: ALICE }, { AWS: '111111111111' }, { AWS: 'arn:aws:iam::111111111111:root' },
    { AWS: 'arn:aws:iam::111111111111:role/Reader' }, { AWS: BOB }, { AWS: '222222222222' }, { AWS: [ALICE, BOB] }])
  const actions = some(chance(0.8) ? target.actions : TARGETS.flatMap((t) => t.actions), 1, 2)
  if (chance(0.15)) st.NotAction = one_or_list(actions)
  else st.Action = one_or_list(actions)
  const resources = some(target.patterns, 1, 2)
  if (chance(0.12)) st.NotResource = one_or_list(resources)
  else st.Resource = one_or_list(resources)
  const condition = conditions()
  if (condition) st.Condition = condition
  return st
}

function policy(target, withPrincipal = false) {
  const statements = some([0], 1, 3).map(() => statement(target, withPrincipal))
  return { Version: chance(0.9) ? '2012-10-17' : '2008-10-17', Statement: statements }
}

function request_context(target) {
  const context = {}
  for (const key of KEYS) {
    if (key.mfa || !key.request || !chance(0.55)) continue
    context[key.key] = key.multi ? some(key.request, 0, 3) : pick(key.request)
  }
  const mfa = pick(['long_term_keys', 'session_without_mfa', 'mfa_session'])
  if (mfa === 'session_without_mfa') context['aws:MultiFactorAuthPresent'] = 'false'
  if (mfa === 'mfa_session') {
    context['aws:MultiFactorAuthPresent'] = 'true'
    context['aws:MultiFactorAuthAge'] = String(pick(MFA_AGES))
  }
  return { context, mfa }
}

// Classes where iam-simulate departs from AWS's documentation (docs/evaluation.md, "Known
// differences from iam-simulate"): the test sets these cases aside and counts them.
//  - for-any-value-if-exists-absent-key: iam-simulate makes ForAnyValue:...IfExists false on an
//    absent key; AWS: "If the key is not present, evaluate the condition element as true".
//  - variables-outside-2012-10-17: iam-simulate substitutes policy variables whatever the
//    Version; AWS: without Version 2012-10-17 "variables like ${aws:username} are treated as
//    literal strings in the policy".
//  - ipv4-slash-zero: iam-simulate computes the /0 mask as `-1 << 32`, which JavaScript reduces
//    to `-1 << 0`, so 0.0.0.0/0 matches 0.0.0.0 only.
//  - role-or-key-without-its-policy: a role or KMS key request with no trust or key policy given:
//    iam-simulate lets the identity policies decide within the account; AWS: "Role trust policies
//    and KMS key policies are exceptions to this logic, because they must explicitly allow access
//    for principals", and every role and every key has one.
//  - colon-in-resource-type-part: iam-simulate requires the text before the first `/` or `:` of
//    the resource part to match literally; a variable there (`${aws:username}-queue`, AWS's own
//    example) holds a colon and never matches.
function excluded_classes(c) {
  const classes = new Set()
  if (c.own_policy && !c.resource_policy) classes.add('role-or-key-without-its-policy')
  const all = [...c.identity, ...(c.resource_policy ? [c.resource_policy] : []), ...(c.boundary ? [c.boundary] : []), ...c.scps]
  const present = (key) => Object.keys(c.request.context).some((k) => k.toLowerCase() === key.toLowerCase())
  for (const p of all) {
    const text = JSON.stringify(p)
    if (p.Version !== '2012-10-17' && text.includes('${')) classes.add('variables-outside-2012-10-17')
    if (text.includes('0.0.0.0/0')) classes.add('ipv4-slash-zero')
    for (const st of p.Statement) {
      for (const pattern of [st.Resource ?? [], st.NotResource ?? []].flat()) {
        const part = pattern.split(':').slice(5).join(':')
        const slash = part.indexOf('/')
        const colon = part.indexOf(':')
        if (part.includes('${') && colon >= 0 && (slash < 0 || colon < slash)) classes.add('colon-in-resource-type-part')
      }
      for (const [operator, entries] of Object.entries(st.Condition ?? {})) {
        if (!operator.startsWith('ForAnyValue:') || !operator.endsWith('IfExists')) continue
        for (const key of Object.keys(entries)) {
          if (!present(key)) classes.add('for-any-value-if-exists-absent-key')
        }
      }
    }
  }
  return [...classes]
}

// MFA-age probes: policy sets conditioned on the MFA keys, each asked by long-term keys (no MFA
// key), by a session without MFA, and by MFA sessions at ages 0, 1, 129600 and around every
// constant the set compares the age with (c-1, c, c+1): where `mfalint simulate --mfa-matrix`
// draws its boundaries. AVOID: "+5", ".5", "5.", "1e3" (iam-simulate's parseFloat reads them,
// AWS's documented forms do not; see "numbers with trailing text, exponents").
const PROBE_AGE_VALUES = ['0', '1', '299', '300', '599.5', '600', '3600', '-1', '-0.5', '129600', '99999999999999999999', 600, 599.5, 'abc']
const PROBE_AGE_OPS = [...NUMERIC_OPS, 'NumericLessThan', 'NumericGreaterThanEquals', 'StringEquals', 'StringNotEquals']

function mfa_block() {
  const age = chance(0.55)
  let op = age ? pick(PROBE_AGE_OPS) : pick(['Bool', 'Bool', 'StringEquals'])
  let qualifier = chance(0.1) ? pick(['ForAllValues:', 'ForAnyValue:']) : ''
  let ifExists = chance(0.3) ? 'IfExists' : ''
  let values = age ? some(PROBE_AGE_VALUES, 1, 2) : [pick(['true', 'false', true, false])]
  if (chance(0.15)) {
    op = 'Null'
    qualifier = ''
    ifExists = ''
    values = [pick(['true', 'false'])]
  }
  return { operator: qualifier + op + ifExists, key: age ? 'aws:MultiFactorAuthAge' : 'aws:MultiFactorAuthPresent', value: one_or_list(values) }
}

function mfa_statement(effect, actions) {
  const st = { Effect: effect, Action: pick(actions), Resource: '*' }
  const blocks = {}
  for (let i = 0, n = pick([0, 1, 1, 1, 2]); i < n; ++i) {
    const { operator, key, value } = mfa_block()
    blocks[operator] = blocks[operator] ?? {}
    blocks[operator][key] = value
  }
  if (Object.keys(blocks).length) st.Condition = blocks
  return st
}

function mfa_policy(allowFirst) {
  const statements = allowFirst ? [{ Effect: 'Allow', Action: '*', Resource: '*' }] : [mfa_statement('Allow', ['s3:GetObject', 's3:*', '*'])]
  for (let i = 0, n = pick([0, 1, 1, 2]); i < n; ++i) {
    statements.push(mfa_statement(chance(0.6) ? 'Deny' : 'Allow', ['s3:GetObject', 's3:Get*', '*', 's3:PutObject']))
  }
  return { Version: '2012-10-17', Statement: statements }
}

// The ages worth asking about for `policies`: where a condition on the age can change its answer.
function probe_ages(policies) {
  const ages = new Set([0, 1, 129600])
  for (const p of policies) {
    for (const st of p.Statement) {
      for (const entries of Object.values(st.Condition ?? {})) {
        for (const value of [entries['aws:MultiFactorAuthAge'] ?? []].flat()) {
          const c = Number(value)
          if (!Number.isFinite(c) || Math.abs(c) > 1e15) continue
          for (const age of [Math.floor(c) - 1, Math.floor(c), Math.ceil(c), Math.ceil(c) + 1]) if (age >= 0) ages.add(age)
        }
      }
    }
  }
  return [...ages].sort((a, b) => a - b)
}

function mfa_probe_cases(firstId) {
  const identity = [mfa_policy(false)]
  const boundary = chance(0.15) ? mfa_policy(true) : null
  const scps = chance(0.15) ? [mfa_policy(true)] : []
  const contexts = [['long_term_keys', {}], ['session_without_mfa', { 'aws:MultiFactorAuthPresent': 'false' }]]
  for (const age of probe_ages([...identity, ...(boundary ? [boundary] : []), ...scps])) {
    contexts.push(['mfa_session', { 'aws:MultiFactorAuthPresent': 'true', 'aws:MultiFactorAuthAge': String(age) }])
  }
  return contexts.map(([mfa, context], i) => {
    const c = {
      id: firstId + i,
      mfa,
      identity,
      resource_policy: null,
      boundary,
      scps,
      request: { action: 's3:GetObject', resource: 'arn:aws:s3:::example/a.txt', principal: ALICE, resource_account: '111111111111', context },
    }
    c.excluded = excluded_classes(c)
    return c
  })
}

const cases = []
for (let id = 0; id < Number(countArg); ++id) {
  const target = pick(TARGETS)
  const { context, mfa } = request_context(target)
  const withResourcePolicy = target.own_policy ? chance(0.9) : target.action === 'sqs:SendMessage' || target.action === 's3:GetObject' ? chance(0.35) : false
  const principal = withResourcePolicy ? pick([ALICE, ALICE, BOB, SESSION]) : ALICE
  const c = {
    id,
    mfa,
    identity: some([0], chance(0.1) ? 0 : 1, 2).map(() => policy(target)),
    resource_policy: withResourcePolicy ? policy(target, true) : null,
    boundary: chance(0.12) ? policy(target) : null,
    scps: chance(0.12) ? some([0], 1, 2).map(() => policy(target)) : [],
    request: { action: target.action, resource: pick(target.resources), principal, resource_account: '111111111111', context },
    own_policy: Boolean(target.own_policy),
  }
  if (c.identity.length === 0 && !c.resource_policy) c.identity.push(policy(target))
  c.excluded = excluded_classes(c)
  cases.push(c)
}
// One probe group per 30 cases: each group is a dozen requests or so.
for (let group = 0; group < Math.floor(Number(countArg) / 30); ++group) cases.push(...mfa_probe_cases(cases.length))
process.stdout.write(JSON.stringify({ seed: Number(seedArg), cases }))
