import { NOMINATION_STATE_NAMES, type NominationState } from '../../../types'

export const stateName = (state: NominationState): string => NOMINATION_STATE_NAMES[state]
