import { capabilitiesOf, type Capability, type Role } from '@firebreak/domain';
import { createContext, useContext } from 'react';

export interface Me {
  readonly userId: string;
  readonly name: string;
  readonly role: string;
  readonly departmentId: string | null;
  readonly jurisdictionId: string | null;
  readonly venueId: string | null;
}

export interface Access {
  readonly me: Me;
  readonly capabilities: ReadonlySet<Capability>;
  /** Read-only roles (the discipline inspector) never see an action. */
  readonly readOnly: boolean;
  /** May the user exercise this (non-read) capability at all? The kernel still decides per record. */
  readonly can: (capability: Capability) => boolean;
}

export function accessOf(me: Me): Access {
  const capabilities = new Set(me.role === 'unit' ? [] : capabilitiesOf(me.role as Role));
  const readOnly = me.role === 'discipline_inspector';
  return { me, capabilities, readOnly, can: (c) => !readOnly && capabilities.has(c) };
}

export const AccessContext = createContext<Access | null>(null);

export function useAccess(): Access {
  const a = useContext(AccessContext);
  if (!a) throw new Error('useAccess outside the signed-in shell');
  return a;
}
