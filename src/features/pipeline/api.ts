import type { ActionInput, DashboardOverview, Figure, FunnelView } from '../../../types'
import { fromWire, funnelFromWire } from '../../../types'
import { call } from '../../services/api'

/** The pipeline area's operations, one line each: the transport lives in services/api. */
export const reportDestination = (input: ActionInput<'destination.report'>, requestId: string) =>
  call('destination.report', input, { requestId })
export const myDestinations = () => call('destination.mine', {})
export const verifyDestination = (id: string, note: string, requestId: string) => call('destination.verify', { id, note }, { requestId })

// Staff (everything) and heads (their station, small cells hidden).
/** The answer is counts only; every figure and rate is rebuilt here (types/pipeline-wire.ts). */
export const dashboardOverview = async (snapshot?: string): Promise<DashboardOverview> =>
  fromWire(await call('dashboard.overview', snapshot ? { snapshot } : {}))
export const pipelineFunnel = async (stationId?: string): Promise<FunnelView> =>
  funnelFromWire(await call('pipeline.funnel', stationId ? { stationId } : {}))
export const figureMembers = (figure: Figure, cursor?: string) => call('pipeline.members', { ...figure, cursor, limit: 20 })
export const exportFigure = (figure: Figure, external = false) => call('pipeline.export', { ...figure, external })
