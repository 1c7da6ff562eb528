import { describe, expect, it } from 'vitest'
import { Role } from '../../../functions/src/domain/practice'
import { can } from '../../../functions/src/domain/roles'

describe('roles', () => {
  it('lets only the owner manage the team', () => {
    expect(Role.options.filter((role) => can(role, 'team:manage'))).toEqual(['owner'])
  })

  it('lets owners and managers change settings, and everyone read the practice', () => {
    expect(Role.options.filter((role) => can(role, 'practice:manage'))).toEqual([
      'owner',
      'manager',
    ])
    expect(Role.options.every((role) => can(role, 'practice:read'))).toBe(true)
  })
})
