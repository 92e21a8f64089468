/** Where each policy page lives; staff pages are in the staff subpackage. */
const q = (id: string) => `?id=${encodeURIComponent(id)}`
export const policiesUrl = () => '/pages/policies/index'
export const policyUrl = (id: string) => `/pages/policy/index${q(id)}`
export const demandsUrl = () => '/pages/demands/index'
export const demandUrl = (id: string) => `/pages/demand/index${q(id)}`
export const favoritesUrl = () => '/pages/favorites/index'
export const staffPoliciesUrl = () => '/packages/staff/pages/policies/index'
export const staffPolicyEditUrl = (id?: string) => `/packages/staff/pages/policy-edit/index${id ? q(id) : ''}`
export const staffPolicyImportUrl = (kind: 'policy' | 'demand' = 'policy') => `/packages/staff/pages/import/index?kind=${kind}`
export const staffDemandsUrl = () => '/packages/staff/pages/demands/index'
export const staffDemandEditUrl = (id?: string) => `/packages/staff/pages/demand-edit/index${id ? q(id) : ''}`
export const staffDemandInterestsUrl = (id: string) => `/packages/staff/pages/demand-interests/index${q(id)}`
